import Testing

extension BotEngineTests {
    @Suite("Who may do what")
    struct Access {
        @Test("a student's !groups create is refused with peerbot.error forbidden")
        func studentCannotCreateGroups() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "forbidden")
            defer { scenario.bot.kill9() }
            let room = try await scenario.groupRoom()

            let command = try await scenario.student.send("!groups create", in: room)
            let reply = try await scenario.reply(to: command, in: room)
            #expect(reply.msgtype == "m.notice")
            #expect(reply.peerbotKind == "error")
            #expect(reply.peerbotError == "forbidden")
            try await scenario.expectExactlyOneReply(to: [command], in: room)
        }

        @Test("an invite from someone who is not a supervisor is not accepted")
        func inviteFromStudentIsIgnored() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "invite")
            defer { scenario.bot.kill9() }
            let botID = scenario.bot.userID
            let studentRoom = try await scenario.student.createRoom(name: "student's own", invite: [botID])

            // A supervisor's invite sent afterwards is accepted: by then the student's has been seen.
            let supervisorRoom = try await scenario.supervisor.createRoom(name: "supervisor's", invite: [botID])
            try await scenario.supervisor.waitForMembership(
                of: botID, in: supervisorRoom, timeout: Polling.patience, check: scenario.bot.checkAlive)

            let clock = ContinuousClock()
            let until = clock.now.advanced(by: .seconds(8))
            while clock.now < until {
                let membership = try await scenario.student.membership(of: botID, in: studentRoom)
                #expect(membership != "join", "the bot joined a room a student invited it to")
                if membership == "join" { break }
                try await Task.sleep(for: .seconds(1))
            }
            try scenario.bot.checkAlive()
        }
    }
}
