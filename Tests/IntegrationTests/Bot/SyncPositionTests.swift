import Testing

extension BotEngineTests {
    @Suite("Sync position")
    struct SyncPosition {
        @Test("the first start does not answer what was sent before it")
        func firstStartIgnoresHistory() async throws {
            let scenario = try await BotScenario.prepare(on: .shared(), label: "first-start")
            defer { scenario.bot.kill9() }
            let botID = scenario.bot.userID
            let room = try await scenario.supervisor.createRoom(name: "before the bot", invite: [botID, scenario.student.userID])
            try await scenario.student.join(room)
            let old = try await scenario.student.send("!help", in: room)

            try await scenario.startBotAndWaitUntilReady()
            try await scenario.supervisor.waitForMembership(
                of: botID, in: room, timeout: Polling.patience, check: scenario.bot.checkAlive)
            let new = try await scenario.student.send("!help", in: room)
            _ = try await scenario.reply(to: new, in: room)

            let replies = try await scenario.settledReplies(to: [old, new], in: room)
            #expect(replies[old] == nil, "the bot answered a command sent before its first start")
            #expect(replies[new]?.count == 1)
        }

        @Test("a restart keeps the sync position: nothing answered twice, new commands answered")
        func restartKeepsSyncPosition() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "restart")
            defer { scenario.bot.kill9() }
            let room = try await scenario.groupRoom()
            let first = try await scenario.student.send("!help", in: room)
            _ = try await scenario.reply(to: first, in: room)

            let stopped = await scenario.bot.terminate()
            #expect(stopped.status == 0)
            try scenario.bot.start()
            // Give a restarted bot that wrongly replays history time to do it.
            try await Task.sleep(for: .seconds(10))
            try scenario.bot.checkAlive()
            let afterRestart = try await scenario.settledReplies(to: [first], in: room, settle: .zero)
            #expect(afterRestart[first]?.count == 1, "replies to the first !help: \(afterRestart[first] ?? [])")

            let second = try await scenario.student.send("!help", in: room)
            _ = try await scenario.reply(to: second, in: room, timeout: Polling.patience)
            try await scenario.expectExactlyOneReply(to: [first, second], in: room)
        }
    }
}
