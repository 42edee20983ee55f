import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Housekeeping deletes sent outbox rows after a month; what a ✅, a thread reply or a reply to
/// feedback points at must still be found by the session, the round and the feedback message.
@Suite struct LinksAfterPrune {
    /// Runs housekeeping far enough ahead that every sent outbox row is pruned.
    func prune(_ driver: RoomDriver) throws {
        let config = driver.config
        let later = Date().addingTimeInterval(Housekeeping.keep + 2 * 86_400)
        _ = try driver.database.write { try Housekeeping().runDue(now: later, config: config, writer: $0) }
    }

    @Test func aConfirmationOnTheGoalsMessageCountsAfterItsOutboxRowIsPruned() throws {
        var driver = try SessionFlow().driverWithGroup()
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        _ = try SessionFlow().run(driver, at: Date().addingTimeInterval(121))
        let goalsItem = try #require(try driver.database.read { try $0.sessions.find(number: session.number)?.goalsOutboxID })
        try driver.database.outbox.markSent(id: goalsItem, eventID: "$goals")
        try prune(driver)
        #expect(try driver.database.read { try $0.outbox.item(id: goalsItem) } == nil, "the goals message's outbox row is gone")

        var builder = SyncBuilder()
        builder.next = 500
        let reaction = builder.event("m.reaction", sender: "@bo:hs", ts: Int64(Date().timeIntervalSince1970 * 1000) + 1000,
                                     content: ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$goals", "key": "✅"]])
        try driver.deliver([reaction], in: "!groupA:hs")
        #expect(try driver.database.read { try $0.participation.confirmations(session.number).map(\.userID) } == ["@bo:hs"])
    }

    @Test func aThreadReplyToTheReflectionPromptCountsAfterItsOutboxRowIsPruned() throws {
        let flow = ReflectionFlow()
        let ended = try flow.endedSession()
        var driver = ended.0
        let session = ended.1
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        try prune(driver)
        #expect(try driver.database.read { try $0.outbox.item(id: round.promptOutboxID ?? 0) } == nil, "the prompt's outbox row is gone")

        let reply = try flow.message(&driver, "Vi lærte at bruge qSOFA", from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        let kept = try driver.database.read { try $0.reflections.all(session: session.number) }
        #expect(kept.map(\.eventID) == [reply.eventID])
        #expect(kept.map(\.scope) == [.group])
    }

    @Test func aReplyToFeedbackIsForwardedAsAnAnswerAfterItsOutboxRowIsPruned() throws {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!feedback @bo:hs Godt arbejde med casen")
        let feedback = try #require(try driver.database.outbox.pending(limit: 10_000).last { item in
            guard case .send("!dmbo:hs", _, let json) = item.action else { return false }
            return JSONValue.parse(json)?["peerbot.kind"] == "feedback"
        })
        try driver.database.outbox.markSent(id: feedback.id, eventID: "$feedback")
        try prune(driver)
        #expect(try driver.database.read { try $0.outbox.item(id: feedback.id) } == nil, "the feedback's outbox row is gone")

        var builder = SyncBuilder()
        builder.next = 500
        let reply = builder.event(sender: "@bo:hs", ts: Int64(Date().timeIntervalSince1970 * 1000) + 1000,
                                  content: ["msgtype": "m.text", "body": "Tak, det hjalp mig",
                                            "m.relates_to": ["m.in_reply_to": ["event_id": "$feedback"]]])
        try driver.deliver([reply], in: "!dmbo:hs")
        let forwarded = try driver.contents(in: RoomDriver.room).filter { $0["body"]?.stringValue?.contains("Tak, det hjalp mig") == true }
        #expect(forwarded.count == 1, "the answer reaches the supervisor room")
    }
}
