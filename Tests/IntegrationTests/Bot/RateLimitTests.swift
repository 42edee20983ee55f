import Testing

extension BotEngineTests {
    @Suite("Rate limits")
    struct RateLimits {
        @Test("a burst of 50 commands on a rate-limited homeserver: each answered exactly once")
        func burstIsAnsweredDespite429() async throws {
            let port = try TestEnvironment.current().extraPort(1)
            try await Homeserver.withInstance(name: "tight", port: port, tight: true) { server in
                let scenario = try await BotScenario.start(on: server, label: "rate-limit")
                defer { scenario.bot.kill9() }
                let room = try await scenario.groupRoom()
                // Only the bot stays limited, so the burst really arrives as a burst.
                let admin = try await TestUser.register(on: server, prefix: "admin", admin: true)
                try await admin.exemptFromRateLimits(scenario.student.userID)

                var sent: [String] = []
                for _ in 0..<50 { sent.append(try await scenario.student.send("!help", in: room)) }
                let commands = sent

                _ = try await Polling.until("a reply to all 50 commands", timeout: .seconds(900), interval: .seconds(5)) {
                    try scenario.bot.checkAlive()
                    let replies = try await scenario.supervisor.replies(
                        in: room, from: scenario.bot.userID, to: commands)
                    return replies.count == commands.count ? true : nil
                }
                try await scenario.expectExactlyOneReply(to: commands, in: room)
            }
        }
    }
}
