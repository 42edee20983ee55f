import Testing

extension BotEngineTests {
    @Suite("Homeserver outage")
    struct Outage {
        @Test("the bot rides out a 20 s homeserver outage and answers afterwards, same process")
        func recoversAfterOutage() async throws {
            let port = try TestEnvironment.current().extraPort(2)
            try await Homeserver.withInstance(name: "outage", port: port) { server in
                let scenario = try await BotScenario.start(on: server, label: "outage")
                defer { scenario.bot.kill9() }
                let room = try await scenario.groupRoom()
                let before = try await scenario.student.send("!help", in: room)
                _ = try await scenario.reply(to: before, in: room)
                let pid = scenario.bot.pid

                try await server.stop()
                let clock = ContinuousClock()
                let outageEnds = clock.now.advanced(by: .seconds(20))
                while clock.now < outageEnds {
                    try scenario.bot.checkAlive()
                    try await Task.sleep(for: .seconds(1))
                }
                try await server.start()

                let after = try await scenario.student.send("!help", in: room)
                _ = try await scenario.reply(to: after, in: room, timeout: Polling.patience)
                #expect(scenario.bot.pid == pid)
                #expect(scenario.bot.launches == 1)
                #expect(scenario.bot.isRunning)
                try await scenario.expectExactlyOneReply(to: [before, after], in: room)
            }
        }
    }
}
