import Testing

extension BotEngineTests {
    @Suite("Help and room language")
    struct Help {
        @Test("!help in a group room answers in Danish, then in English after !language en")
        func helpFollowsRoomLanguage() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "help-group")
            defer { scenario.bot.kill9() }
            let room = try await scenario.groupRoom()

            let firstAsk = try await scenario.student.send("!help", in: room)
            let danish = try await scenario.reply(to: firstAsk, in: room)
            #expect(danish.msgtype == "m.notice")
            #expect(danish.peerbotKind == "help")
            #expect(Wording.looksDanish(danish.body), "not Danish: \(danish.body)")
            // Grouped by topic, and only what someone not on the roster may use.
            #expect(danish.body.components(separatedBy: "\n").contains("Generelt"), "not grouped: \(danish.body)")
            #expect(danish.body.contains("!status") && !danish.body.contains("!refleksion") && !danish.body.contains("!session planlæg"))

            let switchLanguage = try await scenario.supervisor.send("!language en", in: room)
            let switched = try await scenario.reply(to: switchLanguage, in: room, seenBy: scenario.supervisor)
            #expect(switched.peerbotError == nil, "!language en was refused: \(switched.body)")

            let secondAsk = try await scenario.student.send("!help", in: room)
            let english = try await scenario.reply(to: secondAsk, in: room)
            #expect(english.peerbotKind == "help")
            #expect(Wording.looksEnglish(english.body), "not English: \(english.body)")
            #expect(english.body != danish.body)

            try await scenario.expectExactlyOneReply(to: [firstAsk, switchLanguage, secondAsk], in: room)
        }

        @Test("!help and !hjælp are answered in a direct chat")
        func helpInDirectChat() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "help-direct")
            defer { scenario.bot.kill9() }
            let room = try await scenario.directRoom()

            let english = try await scenario.supervisor.send("!help", in: room)
            let first = try await scenario.reply(to: english, in: room, seenBy: scenario.supervisor)
            #expect(first.msgtype == "m.notice")
            #expect(first.peerbotKind == "help")
            let headings = first.body.components(separatedBy: "\n")
            #expect(first.body.contains("!session pl") && (headings.contains("Sessions") || headings.contains("Sessioner")),
                    "not grouped: \(first.body)")
            #expect(!first.body.contains("!reflect"), "a supervisor cannot reflect: \(first.body)")

            let danish = try await scenario.supervisor.send("!hjælp", in: room)
            let second = try await scenario.reply(to: danish, in: room, seenBy: scenario.supervisor)
            #expect(second.peerbotKind == "help")
            #expect(Wording.looksDanish(second.body), "not Danish: \(second.body)")

            try await scenario.expectExactlyOneReply(to: [english, danish], in: room)
        }
    }
}
