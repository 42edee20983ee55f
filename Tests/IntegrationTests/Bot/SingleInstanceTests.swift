import Foundation
import Testing

extension BotEngineTests {
    @Suite("One daemon per database")
    struct SingleInstance {
        @Test("a second daemon, and forget or export while the daemon runs, are refused with exit 78")
        func aSecondProcessIsRefused() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "single-instance")
            defer { scenario.bot.kill9() }
            let bot = scenario.bot
            let commands: [(String, [String])] = [
                ("second daemon", ["run", "--config", bot.configURL.path]),
                ("forget", ["forget", scenario.student.userID, "--config", bot.configURL.path]),
                ("export", ["export", "--format", "json", "--config", bot.configURL.path]),
            ]
            for (what, arguments) in commands {
                let output = bot.directory.appendingPathComponent("\(arguments[0]).log").path
                let pid = try ChildProcess.spawn(bot.binary.path, arguments, outputPath: output)
                let status = await ChildProcess.exitStatus(of: pid)
                let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
                #expect(status == 78, "\(what) exited with \(status): \(text)")
                #expect(text.contains("another peerbot process is using this database"), "\(what) said: \(text)")
            }
            // The running daemon was not disturbed: it still answers.
            try bot.checkAlive()
            let room = try await scenario.groupRoom()
            let help = try await scenario.student.send("!help", in: room)
            _ = try await scenario.reply(to: help, in: room)
        }
    }
}
