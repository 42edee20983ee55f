import Foundation
import Testing

extension BotEngineTests {
    @Suite("Crash safety")
    struct CrashSafety {
        static let seed: UInt64 = 20_261_129
        static let commandCount = 40
        static let killCount = 10
        static let commands = ["!help", "!status", "!hjælp", "!foo"]

        /// What the reply to each scripted command must be marked as.
        static func expectedKind(of command: String) -> (kind: String, error: String?) {
            switch command {
            case "!status": return ("status", nil)
            case "!foo": return ("error", "unknown_command")
            default: return ("help", nil)
            }
        }

        @Test("SIGKILL at random moments: every command answered exactly once")
        func everyCommandAnsweredOnceDespiteKills() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "crash")
            defer { scenario.bot.kill9() }
            let room = try await scenario.groupRoom()
            print("crash safety: seed \(Self.seed), bot files in \(scenario.bot.directory.path)")

            async let sent = sendScript(scenario, room: room)
            async let kills = killRepeatedly(scenario.bot)
            let commands = try await sent
            try await kills
            #expect(scenario.bot.launches == Self.killCount + 1)

            let ids = commands.map(\.eventID)
            _ = try await Polling.until("a reply to every command", timeout: Polling.patience, interval: .seconds(3)) {
                try scenario.bot.checkAlive()
                let replies = try await scenario.supervisor.replies(in: room, from: scenario.bot.userID, to: ids)
                return replies.count == ids.count ? true : nil
            }
            let replies = try await scenario.settledReplies(to: ids, in: room, settle: .seconds(5))
            for command in commands {
                let answers = replies[command.eventID] ?? []
                #expect(answers.count == 1, "\(command.text) (\(command.eventID)) has \(answers.count) replies")
                let expected = Self.expectedKind(of: command.text)
                #expect(answers.first?.peerbotKind == expected.kind, "reply to \(command.text): \(answers)")
                #expect(answers.first?.peerbotError == expected.error)
            }
        }

        private func sendScript(_ scenario: BotScenario, room: String) async throws -> [(text: String, eventID: String)] {
            var sent: [(text: String, eventID: String)] = []
            for index in 0..<Self.commandCount {
                let text = Self.commands[index % Self.commands.count]
                sent.append((text, try await scenario.student.send(text, in: room)))
                try await Task.sleep(for: .milliseconds(300))
            }
            return sent
        }

        private func killRepeatedly(_ bot: BotProcess) async throws {
            var random = SeededGenerator(seed: Self.seed)
            for _ in 0..<Self.killCount {
                let delay = Int.random(in: 100...1500, using: &random)
                try await Task.sleep(for: .milliseconds(delay))
                try await bot.kill9AndWait()
                try bot.start()
            }
        }
    }
}
