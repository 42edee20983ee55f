import Foundation
import Testing

extension BotEngineTests {
    @Suite("Idle memory")
    struct IdleMemory {
        /// The KiB of the bot's resident set that are pages of files (its code and constant data, its
        /// libraries'), as `/proc/PID/status` reports them.
        static func residentFilePages(pid: pid_t) throws -> Int {
            let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("RssFile:") }),
                  let kB = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
                throw HarnessError.badResponse(path: "/proc/\(pid)/status", body: "no RssFile line")
            }
            return kB
        }

        @Test("after a quiet spell the bot lets go of the code it mapped, and answers the next command as before")
        func quietSpellReleasesMappedCodeAndTheBotStillAnswers() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "idle-memory")
            defer { scenario.bot.kill9() }
            let room = try await scenario.groupRoom()
            let first = try await scenario.student.send("!help", in: room)
            let before = try await scenario.reply(to: first, in: room)
            let busy = try Self.residentFilePages(pid: scenario.bot.pid)

            // 5 s after the last sync batch with events; polled with a generous deadline, since the
            // machine may be busy and the bot may still be finishing the room's set-up.
            let idle = try await Polling.until("the bot's mapped pages given back", timeout: Polling.patience) { () -> Int? in
                try scenario.bot.checkAlive()
                let now = try Self.residentFilePages(pid: scenario.bot.pid)
                return now < busy * 2 / 3 ? now : nil
            }
            #expect(idle < busy, "file pages resident: \(busy) KiB after the answer, \(idle) KiB idle")

            let second = try await scenario.student.send("!help", in: room)
            let after = try await scenario.reply(to: second, in: room)
            #expect(after.peerbotKind == "help")
            #expect(after.body == before.body)
            try await scenario.expectExactlyOneReply(to: [first, second], in: room)
        }
    }
}
