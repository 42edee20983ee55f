import Foundation
import Testing

extension BotEngineTests {
    /// User arguments as a client writes them when a person is picked from the member list: the
    /// display name in `body`, the id in `m.mentions.user_ids`; or the display name typed alone.
    @Suite("Pills")
    struct Pills {
        @Test("!klar with a pill and !feedback with a pill or a display name reach the right student")
        func pillsAndDisplayNames() async throws {
            let cohort = try await CohortScenario.start(extra: [:], label: "pills")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 3, seed: 7)
            let group = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
            let anna = group.students[0]
            let other = group.students[1]
            let annaName = cohort.name(of: anna)

            let ready = try await pill("!klar \(annaName)", mentions: [anna.userID], cohort, in: cohort.supervisorRoom)
            #expect(ready.peerbotError == nil, "!klar with a pill was refused: \(ready)")
            #expect(ready.body.contains(annaName), "!klar with a pill did not name \(annaName): \(ready.body)")

            let pillText = "Godt arbejde med pillen"
            let sent = try await pill("!feedback \(annaName) \(pillText)", mentions: [anna.userID], cohort, in: group.roomID)
            #expect(sent.peerbotError == nil, "!feedback with a pill was refused: \(sent)")
            let delivered = try await cohort.botMessage("the pill feedback in the direct room", in: try #require(formed.directRooms[anna.userID]),
                                                        seenBy: anna) { $0.peerbotKind == "feedback" && $0.body.contains(pillText) }
            #expect(!delivered.body.contains(annaName), "the feedback text kept the display name: \(delivered.body)")

            let otherName = cohort.name(of: other)
            let nameText = "Flot overblik i dag"
            let typed = try await cohort.command("!feedback \(otherName.lowercased()) \(nameText)").reply
            #expect(typed.peerbotError == nil, "!feedback with a display name was refused: \(typed)")
            _ = try await cohort.botMessage("the feedback by display name", in: try #require(formed.directRooms[other.userID]),
                                            seenBy: other) { $0.peerbotKind == "feedback" && $0.body.contains(nameText) }

            try await Task.sleep(for: .seconds(2))
            let groupPosts = try await cohort.botPosts(in: group.roomID, seenBy: anna)
            #expect(!groupPosts.contains { $0.body.contains(pillText) }, "feedback to one student showed in the group room")
        }

        /// Sends `text` with `m.mentions` as a client's pill does and waits for the bot's reply.
        private func pill(_ text: String, mentions: [String], _ cohort: CohortScenario, in roomID: String) async throws -> RoomEvent {
            let content: JSON = ["msgtype": "m.text", "body": .string(text),
                                 "m.mentions": ["user_ids": .array(mentions.map { .string($0) })]]
            let id = try await cohort.supervisor.sendEvent(type: "m.room.message", content: content, in: roomID)
            return try await cohort.reply(to: id, in: roomID, seenBy: cohort.supervisor)
        }
    }
}
