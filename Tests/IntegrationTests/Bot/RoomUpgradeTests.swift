import Testing

extension BotEngineTests {
    @Suite("Room upgrades")
    struct RoomUpgrades {
        @Test("a supervisor upgrades a room they invited the bot to; the bot follows and answers !help there")
        func upgradeIsFollowed() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "room-upgrade")
            defer { scenario.bot.kill9() }
            // A room the supervisor made (so they are its creator and may upgrade it), open to
            // join so that the bot can follow without a fresh invite.
            let oldRoom = try await scenario.supervisor.createRoom(name: "Opgradering", invite: [scenario.bot.userID],
                                                                  preset: "public_chat")
            try await scenario.supervisor.waitForMembership(of: scenario.bot.userID, in: oldRoom, timeout: Polling.patience,
                                                            check: scenario.bot.checkAlive)
            let before = try await scenario.supervisor.send("!help", in: oldRoom)
            _ = try await scenario.reply(to: before, in: oldRoom, seenBy: scenario.supervisor)

            let upgraded = try await scenario.supervisor.call(
                .post, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(oldRoom))/upgrade", body: ["new_version": "12"])
            let newRoom = try #require(upgraded["replacement_room"]?.string)
            #expect(newRoom != oldRoom)

            try await scenario.supervisor.waitForMembership(of: scenario.bot.userID, in: newRoom, timeout: Polling.patience,
                                                            check: scenario.bot.checkAlive)
            let ask = try await scenario.supervisor.send("!help", in: newRoom)
            let help = try await scenario.reply(to: ask, in: newRoom, seenBy: scenario.supervisor)
            #expect(help.msgtype == "m.notice")
            #expect(help.peerbotKind == "help")
            try await scenario.expectExactlyOneReply(to: [ask], in: newRoom)
        }
    }
}
