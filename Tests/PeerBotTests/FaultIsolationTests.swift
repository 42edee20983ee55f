import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Each finding of the review, sent as a student or supervisor would send it: the batch it comes
/// in still commits, the sync token moves on, and a `!help` after it in the same batch is answered.
@Suite struct FaultIsolation {
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func text(_ driver: inout RoomDriver, _ body: String, from sender: String, extra: [String: JSONValue] = [:]) -> ClientEvent {
        var content: [String: JSONValue] = ["msgtype": "m.text", "body": .string(body)]
        content.merge(extra) { $1 }
        return driver.builder.event(sender: sender, ts: Self.now() + Int64(driver.builder.next), content: .object(content))
    }

    /// Delivers `events` then a `!help` from `helper` in one batch; returns the help reply.
    func deliverThenHelp(_ driver: inout RoomDriver, _ events: [ClientEvent], in room: String, helper: String) throws -> JSONValue? {
        let help = text(&driver, "!help", from: helper)
        try driver.deliver(events + [help], in: room)
        #expect(try driver.database.read { try $0.sync.token() } == "s\(driver.batch)")
        return try driver.contents(in: room).last { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == help.eventID }
    }

    func replies(to event: ClientEvent, _ driver: RoomDriver) throws -> [JSONValue] {
        try driver.contents().filter { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == event.eventID }
    }

    @Test func anEmptyThreadReplyToTheReflectionPromptIsAnsweredAndTheBatchGoesOn() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let empty = text(&driver, "", from: "@bo:hs", extra: ["m.relates_to": ["rel_type": "m.thread", "event_id": "$prompt"]])
        let help = try deliverThenHelp(&driver, [empty], in: "!groupA:hs", helper: "@bo:hs")
        #expect(help?["peerbot.kind"] == "help")
        #expect(try replies(to: empty, driver).first?["peerbot.kind"] == "error")
        #expect(try driver.database.read { try $0.reflections.all(session: session.number) }.isEmpty)
        #expect(try driver.database.read { try $0.sync.isProcessed(eventID: empty.eventID) })
    }

    @Test func aWhitespaceDirectMessageWhileAReflectionIsOpenIsAnswered() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let blank = text(&driver, " \n\u{200B} ", from: "@anna:hs")
        let help = try deliverThenHelp(&driver, [blank], in: "!dmAnna:hs", helper: "@anna:hs")
        #expect(help?["peerbot.kind"] == "help")
        #expect(try replies(to: blank, driver).first?["peerbot.kind"] == "error")
        #expect(try driver.database.read { try $0.reflections.all(session: session.number) }.isEmpty)
    }

    @Test func anOversizedReflectionIsRefusedWithItsLimit() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let long = text(&driver, String(repeating: "a", count: 8_001), from: "@bo:hs",
                        extra: ["m.relates_to": ["rel_type": "m.thread", "event_id": "$prompt"]])
        try driver.deliver([long], in: "!groupA:hs")
        let answer = try #require(try replies(to: long, driver).first)
        #expect(answer["body"]?.stringValue?.contains("8000") == true)
        #expect(try driver.database.read { try $0.reflections.all(session: session.number) }.isEmpty)
        let reflect = try #require(try driver.say("!reflect " + String(repeating: "b", count: 8_001), from: "@bo:hs", in: "!groupA:hs"))
        #expect(reflect["peerbot.error"] == "bad_arguments")
    }

    @Test func aReplyToAnOldRequestWhoseSubjectIsGoneRatesTheCurrentPeer() throws {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!evaluer A")
        let request = try #require(try driver.database.outbox.pending(limit: 1000).last { item in
            guard case .send("!dmanna:hs", _, let json) = item.action else { return false }
            return json.contains("assessment_request") && json.contains("peerbot.subject")
        })
        guard case .send(_, _, let json) = request.action, let first = JSONValue.parse(json)?["peerbot.subject"]?.stringValue else {
            Issue.record("no subject on the request")
            return
        }
        try driver.database.outbox.markSent(id: request.id, eventID: "$oldRequest")
        // `!student remove` keeps a student's history, open assignments included; erasing them is what
        // takes the subject out of the round.
        try driver.database.write { _ = try $0.privacy.forget(userID: first, at: Date()) }
        let reply = text(&driver, "4 4 4 4 4", from: "@anna:hs", extra: ["m.relates_to": ["m.in_reply_to": ["event_id": "$oldRequest"]]])
        let help = try deliverThenHelp(&driver, [reply], in: "!dmanna:hs", helper: "@anna:hs")
        #expect(help?["peerbot.kind"] == "help")
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        let rated = try driver.database.read { try $0.assessment.ratings(round: round.id) }.map(\.subject)
        #expect(rated.count == 1)
        #expect(!rated.contains(first))
    }

    func file(_ driver: inout RoomDriver, url: JSONValue?, name: JSONValue?, size: JSONValue?) -> ClientEvent {
        var content: [String: JSONValue] = ["msgtype": "m.file", "info": ["mimetype": "text/csv"]]
        if let url { content["url"] = url }
        if let name { content["body"] = name }
        if let size { content["info"] = ["mimetype": "text/csv", "size": size] }
        return driver.builder.event(sender: RoomDriver.sup, ts: Self.now() + Int64(driver.builder.next), content: .object(content))
    }

    @Test func malformedRosterFilesAreAnsweredAndNeverStopTheBatch() throws {
        var driver = RoomDriver()
        let noMediaID = file(&driver, url: "mxc://hs", name: "roster.csv", size: 10)
        let negative = file(&driver, url: "mxc://hs/abc", name: "", size: -5)
        let wrongType = file(&driver, url: 7, name: "roster.csv", size: "big")
        let help = try deliverThenHelp(&driver, [noMediaID, negative, wrongType], in: RoomDriver.room, helper: RoomDriver.sup)
        #expect(help?["peerbot.kind"] == "help")
        #expect(try replies(to: noMediaID, driver).first?["peerbot.kind"] == "error")
        #expect(try replies(to: wrongType, driver).first?["peerbot.kind"] == "error")
        // A nameless file with a good media id is still a roster, under a name of its own; the size is unknown.
        let upload = try #require(try driver.database.read { try $0.roster.pendingUploads() }.first)
        #expect(upload.eventID == negative.eventID)
        #expect(upload.filename == "roster.csv")
        #expect(upload.size == nil)
    }

    @Test(arguments: ["!session plan A +1h 9223372036854775807s x", "!session plan A +9223372036854775807s 1h x",
                      "!session plan A +1h 25h x", "!session plan A 9999-12-31 23:59 1h x", "!groups plan size=9223372036854775807"])
    func numbersBeyondSaneBoundsGetAClearErrorAndPlanNothing(_ command: String) throws {
        var driver = try SessionFlow().driverWithGroup()
        let sessionsBefore = try driver.database.read { try $0.sessions.withOpenJobs(before: .distantFuture) }.count
        let reply = try #require(try driver.say(command))
        #expect(reply["peerbot.error"] == "bad_arguments")
        #expect(try driver.database.read { try $0.sessions.withOpenJobs(before: .distantFuture) }.count == sessionsBefore)
    }

    @Test func aReplyFallbackIsNotPartOfTheRating() throws {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!evaluer A")
        let quoted = "> <@bot:hs> Rate Bo: five marks 1–5\n> for the criteria\n\n4 4 4 4 4 good work"
        let reply = text(&driver, quoted, from: "@anna:hs", extra: ["m.relates_to": ["m.in_reply_to": ["event_id": "$unknown"]]])
        try driver.deliver([reply], in: "!dmanna:hs")
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        let rating = try #require(try driver.database.read { try $0.assessment.ratings(round: round.id) }.first)
        #expect(rating.comment == "good work")
    }

    @Test func aReplyFallbackIsNotPartOfTheReflection() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let body = "> <@bot:hs> How did the session go?\n\nWe practised qSOFA"
        let reply = text(&driver, body, from: "@bo:hs", extra: ["m.relates_to": [
            "rel_type": "m.thread", "event_id": "$prompt", "m.in_reply_to": ["event_id": "$prompt"],
        ]])
        try driver.deliver([reply], in: "!groupA:hs")
        #expect(try driver.database.read { try $0.reflections.all(session: session.number) }.map(\.text) == ["We practised qSOFA"])
    }
}

@Suite struct MovedSessions {
    func prompts(_ driver: RoomDriver) throws -> Int {
        try driver.contents().filter { $0["peerbot.kind"] == "reflection_prompt" }.count
    }

    @Test func aSessionThatHasBegunCannotBeMoved() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        // A session under way: it began a minute ago.
        let session = ended.1
        try driver.database.write { try $0.sessions.move(session.number, to: Date().addingTimeInterval(-60), at: Date()) }
        let reply = try #require(try driver.say("!session move #\(session.number) +2h"))
        #expect(reply["peerbot.error"] == "conflict")
    }

    @Test func anEndedSessionMovedAnywayDoesNotAskForReflectionsAgain() throws {
        let ended = try ReflectionFlow().endedSession()
        let driver = ended.0
        let session = ended.1
        let before = try prompts(driver)
        // The four private prompts still wait in the outbox (the group's was sent as $prompt).
        #expect(before == 4)
        let later = session.endsAt.addingTimeInterval(86_400)
        try driver.database.write { try $0.sessions.move(session.number, to: later, at: Date()) }
        let moved = try #require(try driver.database.read { try $0.sessions.find(number: session.number) })
        let config = driver.config
        _ = try driver.database.write { try SessionJobs().runDue(now: moved.endsAt.addingTimeInterval(1), config: config, writer: $0) }
        #expect(try prompts(driver) == before)
    }
}
