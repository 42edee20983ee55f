import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct ReflectionFlow {
    /// A session of group A that has just ended, with its reflection prompt sent as `$prompt`.
    func endedSession(_ start: RoomDriver = RoomDriver()) throws -> (RoomDriver, SessionRecord) {
        var driver = try SessionFlow().driverWithGroup(start)
        try driver.database.write { try RoomRefs.register(ref: RoomRef.direct("@anna:hs").string, roomID: "!dmAnna:hs", writer: $0) }
        _ = try driver.say("!session plan A +1h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        let config = driver.config
        _ = try driver.database.write { try SessionJobs().runDue(now: session.endsAt.addingTimeInterval(1), config: config, writer: $0) }
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        try driver.database.outbox.markSent(id: try #require(round.promptOutboxID), eventID: "$prompt")
        return (driver, session)
    }

    func message(_ driver: inout RoomDriver, _ body: String, from sender: String, in room: String, thread: String? = nil) throws -> ClientEvent {
        var content: [String: JSONValue] = ["msgtype": "m.text", "body": .string(body)]
        if let thread { content["m.relates_to"] = ["rel_type": "m.thread", "event_id": .string(thread), "is_falling_back": true] }
        let event = driver.builder.event(sender: sender, ts: Int64(Date().timeIntervalSince1970 * 1000) + Int64(driver.builder.next), content: .object(content))
        try driver.deliver([event], in: room)
        return event
    }

    @Test func threadDirectAndCommandReflectionsAreKeptAndAcknowledged() throws {
        let ended = try endedSession()
        var driver = ended.0
        let session = ended.1
        // The thread root went to the group room (already sent as $prompt); one prompt per direct room waits.
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        let root = try #require(try driver.database.read { try $0.outbox.item(id: round.promptOutboxID ?? 0) })
        #expect(root.action.roomID == "!groupA:hs")
        let promptRooms = try driver.actions().compactMap { action -> String? in
            guard case .send(let room, _, let json) = action, json.contains("reflection_prompt") else { return nil }
            return room
        }
        #expect(Set(promptRooms) == ["!dmAnna:hs", "ref:direct:@bo:hs", "ref:direct:@cecilie:hs", "ref:direct:@david:hs"])
        let inThread = try message(&driver, "Vi lærte at bruge qSOFA", from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        let outside = try message(&driver, "Bare snak", from: "@cecilie:hs", in: "!groupA:hs")
        let direct = try message(&driver, "Jeg var usikker på doseringen", from: "@anna:hs", in: "!dmAnna:hs")
        let reply = try #require(try driver.say("!reflect Næste gang spørger jeg tidligere", from: "@david:hs", in: "!groupA:hs"))
        #expect(reply["peerbot.kind"] == "reflection_ack")
        let kept = try driver.database.read { try $0.reflections.all(session: session.number) }
        #expect(kept.map(\.userID) == ["@bo:hs", "@anna:hs", "@david:hs"])
        #expect(kept.map(\.scope) == [.group, .private, .group])
        #expect(!kept.contains { $0.eventID == outside.eventID })
        let reactions = try driver.actions().compactMap { action -> String? in
            guard case .send(_, "m.reaction", let json) = action else { return nil }
            return JSONValue.parse(json)?["m.relates_to"]?["event_id"]?.stringValue
        }
        #expect(Set(reactions) == [inThread.eventID, direct.eventID])
    }

    @Test func editsReplaceAndRedactionsRemove() throws {
        let ended = try endedSession()
        var driver = ended.0
        let session = ended.1
        let original = try message(&driver, "Førsteudkast", from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        let edit = driver.builder.event(sender: "@bo:hs", ts: Int64(Date().timeIntervalSince1970 * 1000) + 50, content: [
            "msgtype": "m.text", "body": "* Endelig tekst",
            "m.new_content": ["msgtype": "m.text", "body": "Endelig tekst"],
            "m.relates_to": ["rel_type": "m.replace", "event_id": .string(original.eventID)],
        ])
        try driver.deliver([edit], in: "!groupA:hs")
        #expect(try driver.database.read { try $0.reflections.find(eventID: original.eventID)?.text } == "Endelig tekst")
        let redaction = driver.builder.event("m.room.redaction", sender: "@bo:hs", ts: Int64(Date().timeIntervalSince1970 * 1000) + 60,
                                             content: ["redacts": .string(original.eventID)])
        try driver.deliver([redaction], in: "!groupA:hs")
        #expect(try driver.database.read { try $0.reflections.all(session: session.number) }.isEmpty)
    }

    @Test func oneSummaryWhenEveryoneHasReflectedNamingNobodyMissing() throws {
        let ended = try endedSession()
        var driver = ended.0
        let session = ended.1
        for name in ["anna", "bo", "cecilie"] {
            _ = try message(&driver, "Refleksion fra \(name)", from: "@\(name):hs", in: "!groupA:hs", thread: "$prompt")
        }
        let config = driver.config
        let now = session.endsAt.addingTimeInterval(60)
        _ = try driver.database.write { try ReflectionJobs().runDue(now: now, config: config, writer: $0) }
        #expect(try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "summary" }.isEmpty)
        _ = try message(&driver, "Refleksion fra david", from: "@david:hs", in: "!groupA:hs", thread: "$prompt")
        _ = try driver.database.write { try ReflectionJobs().runDue(now: now, config: config, writer: $0) }
        _ = try driver.database.write { try ReflectionJobs().runDue(now: now.addingTimeInterval(86400 * 2), config: config, writer: $0) }
        let summaries = try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "summary" }
        #expect(summaries.count == 1)
        let body = try #require(summaries.first?["body"]?.stringValue)
        for name in ["anna", "bo", "cecilie", "david"] {
            #expect(body.components(separatedBy: "Refleksion fra \(name)").count == 2, "\(name) once")
        }
    }

    @Test func theReminderGoesHalfwayOnlyToThoseMissingAndTheDeadlineNamesThem() throws {
        let ended = try endedSession()
        var driver = ended.0
        let session = ended.1
        _ = try message(&driver, "Min refleksion", from: "@anna:hs", in: "!dmAnna:hs")
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        let config = driver.config
        let halfway = round.promptedAt.addingTimeInterval(round.deadline.timeIntervalSince(round.promptedAt) / 2 + 1)
        _ = try driver.database.write { try ReflectionJobs().runDue(now: halfway, config: config, writer: $0) }
        let reminders = try driver.actions().compactMap { action -> String? in
            guard case .send(let room, _, let json) = action, json.contains("\"reminder\"") else { return nil }
            return room
        }
        #expect(Set(reminders) == ["ref:direct:@bo:hs", "ref:direct:@cecilie:hs", "ref:direct:@david:hs"])
        _ = try driver.database.write { try ReflectionJobs().runDue(now: round.deadline.addingTimeInterval(1), config: config, writer: $0) }
        let summary = try #require(try driver.contents(in: RoomDriver.room).last { $0["peerbot.kind"] == "summary" })
        #expect(summary["body"]?.stringValue?.contains("Bo") == true)
    }
}
