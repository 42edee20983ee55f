import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct SessionFlow {
    /// A roster of four in one group whose room exists as `!groupA:hs`.
    func driverWithGroup(_ start: RoomDriver = RoomDriver()) throws -> RoomDriver {
        var driver = start
        for name in ["anna", "bo", "cecilie", "david"] {
            _ = try driver.say("!student add @\(name):hs \"\(name.capitalized)\" style=\(name)")
        }
        _ = try driver.say("!groups plan size=4 seed=1")
        _ = try driver.say("!groups create")
        let group = try #require(try driver.database.read { try $0.groups.active().first })
        try driver.database.write { try RoomRefs.register(ref: RoomRef.group(group.id).string, roomID: "!groupA:hs", writer: $0) }
        return driver
    }

    func run(_ driver: RoomDriver, at now: Date) throws -> Int {
        let config = driver.config
        return try driver.database.write { try SessionJobs().runDue(now: now, config: config, writer: $0) }
    }

    func kinds(_ driver: RoomDriver, in room: String) throws -> [String] {
        try driver.contents(in: room).compactMap { $0["peerbot.kind"]?.stringValue }
    }

    @Test func aSessionPostsItsMomentsOnceEachInOrder() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!ready @anna:hs")
        let planned = try #require(try driver.say("!session plan A +2h 1h Sepsis-case"))
        #expect(planned["peerbot.kind"] == "reply")
        let session = try #require(try driver.database.read { reader in
            try reader.groups.active().first.flatMap { try reader.sessions.next(ofGroup: $0.id, after: Date()) }
        })
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        let start = session.startsAt
        let before = try kinds(driver, in: "!groupA:hs").count
        _ = try run(driver, at: start.addingTimeInterval(-3600))
        _ = try run(driver, at: start.addingTimeInterval(-3599))
        _ = try run(driver, at: start.addingTimeInterval(1))
        _ = try run(driver, at: start.addingTimeInterval(1801))
        _ = try run(driver, at: start.addingTimeInterval(3000))
        _ = try run(driver, at: start.addingTimeInterval(3601))
        let posted = Array(try kinds(driver, in: "!groupA:hs").dropFirst(before))
        #expect(posted == ["goals", "session_start", "facilitator_prompt", "facilitator_prompt", "reflection_prompt"])
        let goals = try #require(try driver.contents(in: "!groupA:hs").first { $0["peerbot.kind"] == "goals" })
        #expect(goals["body"]?.stringValue?.contains("Genkende tidlige tegn på sepsis") == true)
        #expect(goals["body"]?.stringValue?.contains("Anna") == true)
        let checklist = try driver.actions().contains {
            if case .send(let room, _, let json) = $0 { return room == "ref:direct:@anna:hs" && json.contains("facilitator_prompt") }
            return false
        }
        #expect(checklist)
        #expect(try driver.database.read { try $0.sessions.find(number: session.number)?.facilitator } == "@anna:hs")
    }

    @Test func aMidpointMissedWhileDownIsSkippedButTheGoalsAreNot() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400 * 2)).first })
        let before = try kinds(driver, in: "!groupA:hs").count
        _ = try run(driver, at: session.startsAt.addingTimeInterval(3000))
        let posted = Array(try kinds(driver, in: "!groupA:hs").dropFirst(before))
        #expect(posted == ["goals", "session_start", "facilitator_prompt"])
    }

    @Test func confirmationsByReactionAndCommandAndAChangeAsksAgain() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        _ = try run(driver, at: Date().addingTimeInterval(121))
        let goalsItem = try #require(try driver.database.read { try $0.sessions.find(number: session.number)?.goalsOutboxID })
        try driver.database.outbox.markSent(id: goalsItem, eventID: "$goals")
        var builder = SyncBuilder()
        builder.next = 500
        let now = Int64(Date().timeIntervalSince1970 * 1000) + 1000
        let reaction = builder.event("m.reaction", sender: "@bo:hs", ts: now,
                                     content: ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$goals", "key": "✅"]])
        try driver.deliver([reaction], in: "!groupA:hs")
        let ack = try #require(try driver.say("!forstået", from: "@anna:hs", in: "!groupA:hs"))
        #expect(ack["peerbot.kind"] == "reply")
        let confirmed = try driver.database.read { try $0.participation.confirmations(session.number).map(\.userID) }
        #expect(Set(confirmed) == ["@anna:hs", "@bo:hs"])
        try driver.deliver([builder.event("m.room.redaction", sender: "@bo:hs", ts: now + 10, content: ["redacts": .string(reaction.eventID)])], in: "!groupA:hs")
        #expect(try driver.database.read { try $0.participation.confirmations(session.number).map(\.userID) } == ["@anna:hs"])
        _ = try driver.say("!session goal #\(session.number) Kende qSOFA")
        let edit = try #require(try driver.contents(in: "!groupA:hs").last { $0["m.relates_to"]?["rel_type"] == "m.replace" })
        #expect(edit["m.new_content"]?["body"]?.stringValue?.contains("qSOFA") == true)
        let current = try #require(try driver.database.read { try $0.sessions.find(number: session.number) })
        let stillValid = try driver.database.read { try $0.participation.confirmations(session.number) }.filter { $0.goalsVersion == current.goalsVersion }
        #expect(stillValid.isEmpty)
        let notice = try #require(try driver.contents(in: "!groupA:hs").last { $0["peerbot.kind"] == "reminder" })
        #expect(notice["m.mentions"]?["user_ids"] == ["@anna:hs"], "only the student who had confirmed is asked again")
    }

    @Test func aQuestionReachesTheSupervisorRoomEscaped() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let answer = try #require(try driver.say("!question Hvad betyder <b>qSOFA</b>?", from: "@cecilie:hs", in: "!groupA:hs"))
        #expect(answer["peerbot.error"] == nil)
        let forwarded = try #require(try driver.contents(in: RoomDriver.room).last)
        #expect(forwarded["peerbot.kind"] == "alert")
        #expect(forwarded["msgtype"] == "m.text" && forwarded["m.mentions"]?["user_ids"] == ["@sup:hs"], "the question notifies the supervisors")
        #expect(forwarded["formatted_body"]?.stringValue?.contains("&lt;b&gt;qSOFA&lt;/b&gt;") == true)
        #expect(forwarded["body"]?.stringValue?.contains("Cecilie") == true)
    }

    @Test func planningInThePastOrForAnUnknownGroupIsRefused() throws {
        var driver = try driverWithGroup()
        let unknown = try #require(try driver.say("!session plan Z +1h 1h X"))
        #expect(unknown["peerbot.error"] == "not_found")
        let past = try #require(try driver.say("!session plan A 2020-01-01 10:00 1h X"))
        #expect(past["peerbot.error"] == "bad_arguments")
        let student = try #require(try driver.say("!session plan A +1h 1h X", from: "@anna:hs"))
        #expect(student["peerbot.error"] == "forbidden")
    }
}
