import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Synchronization
import Testing
@testable import PeerBot

/// The SQL a database ran while recording, for counting what one event reads.
final class StatementLog: Sendable {
    private let state = Mutex<(recording: Bool, statements: [String])>((false, []))

    func record(_ sql: String) { state.withLock { if $0.recording { $0.statements.append(sql) } } }

    /// What the store ran during `body`.
    func during(_ body: () throws -> Void) rethrows -> [String] {
        state.withLock { $0 = (true, []) }
        defer { state.withLock { $0.recording = false } }
        try body()
        return state.withLock { $0.statements }
    }

    func driver() throws -> RoomDriver { RoomDriver(database: try AppDatabase.inMemory(tracing: record)) }
}

extension [String] {
    func count(_ fragment: String) -> Int { filter { $0.contains(fragment) }.count }
}

/// On the common path an event reads what its decision needs, once: who is a student, the
/// deadline, the supervisor room and an assessment round are not read again or ahead of need.
@Suite struct StoreReads {
    static let isStudent = "FROM student WHERE userID = ? AND removedAt IS NULL"
    static let supervisorRoom = #"FROM "room" WHERE "kind""#
    static let outboxByEvent = "FROM outbox WHERE eventID = ?"

    func reflect(_ driver: inout RoomDriver, _ body: String, from sender: String, in room: String, thread: String?,
                 at date: Date = Date()) throws -> ClientEvent {
        var content: [String: JSONValue] = ["msgtype": "m.text", "body": .string(body)]
        if let thread { content["m.relates_to"] = ["rel_type": "m.thread", "event_id": .string(thread), "is_falling_back": true] }
        let event = driver.builder.event(sender: sender, ts: Int64(date.timeIntervalSince1970 * 1000), content: .object(content))
        try BatchIngestor(database: driver.database).ingest(SyncBuilder.batch("r\(driver.builder.next)", join: [room: [event]]),
                                                            firstSync: false, config: driver.config, now: date.addingTimeInterval(1))
        return event
    }

    @Test func aReflectionReadsWhetherItsSenderIsAStudentAndTheirDeadlineOnce() throws {
        let log = StatementLog()
        var driver = try ReflectionFlow().endedSession(try log.driver()).0
        let inThread = try log.during { _ = try reflect(&driver, "Vi lærte qSOFA", from: "@bo:hs", in: "!groupA:hs", thread: "$prompt") }
        #expect(inThread.count(Self.isStudent) == 1)
        let direct = try log.during { _ = try reflect(&driver, "Jeg var usikker", from: "@anna:hs", in: "!dmAnna:hs", thread: nil) }
        #expect(direct.count(Self.isStudent) == 1)
        #expect(direct.count("reflectionExtension") == 1, "the student's own deadline, read once to accept the text and to keep it")
        let kept = try driver.database.read { try $0.reflections.all(session: 1) }
        #expect(Set(kept.map(\.userID)) == ["@bo:hs", "@anna:hs"])
    }

    @Test func aReflectionThatCannotBeKeptReadsNoDeadline() throws {
        let log = StatementLog()
        var driver = try ReflectionFlow().endedSession(try log.driver()).0
        var blank: ClientEvent?
        let statements = try log.during {
            blank = try reflect(&driver, String(repeating: "x", count: TextKind.reflection.limit + 1), from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        }
        #expect(statements.count("reflectionExtension") == 0)
        let answer = try driver.contents(in: "!groupA:hs").last { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == blank?.eventID }
        #expect(answer?["peerbot.error"] != nil, "the student is still told why")
        #expect(try driver.database.read { try $0.reflections.all(session: 1) }.isEmpty)
    }

    @Test func aLateReflectionAfterTheSummaryReadsTheSupervisorRoomOnceAndTheNoteGoesThere() throws {
        let log = StatementLog()
        var driver = try ReflectionFlow().endedSession(try log.driver()).0
        let round = try #require(try driver.database.read { try $0.reflections.round(session: 1) })
        let config = driver.config
        _ = try driver.database.write { try ReflectionJobs().runDue(now: round.deadline.addingTimeInterval(1), config: config, writer: $0) }
        let statements = try log.during {
            _ = try reflect(&driver, "Sent, men ærlig", from: "@bo:hs", in: "!groupA:hs", thread: "$prompt", at: round.deadline.addingTimeInterval(60))
        }
        #expect(statements.count(Self.supervisorRoom) == 1)
        #expect(try driver.database.read { try $0.reflections.all(session: 1) }.first?.late == true)
        #expect(try driver.contents(in: RoomDriver.room).contains { $0["body"]?.stringValue?.contains("Bo") == true && $0["peerbot.kind"] != "summary" })
    }

    @Test func aQuestionReadsTheSupervisorRoomOnceAndReachesIt() throws {
        let log = StatementLog()
        var driver = try SessionFlow().driverWithGroup(try log.driver())
        var statements: [String] = []
        statements = try log.during { _ = try driver.say("!question Hvad med dosering?", from: "@anna:hs", in: "!groupA:hs") }
        #expect(statements.count(Self.supervisorRoom) == 1)
        #expect(try driver.contents(in: RoomDriver.room).contains { $0["body"]?.stringValue?.contains("Hvad med dosering?") == true })
    }

    @Test func aTextThatIsNoRatingWhileAReflectionIsOpenReadsNoneOfTheAssessmentRound() throws {
        let log = StatementLog()
        var driver = try AssessmentFlow().driver(try log.driver())
        _ = try driver.say("!session plan A +1h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        let config = driver.config
        _ = try driver.database.write { try SessionJobs().runDue(now: session.endsAt.addingTimeInterval(1), config: config, writer: $0) }
        _ = try driver.say("!evaluer A")
        let now = session.endsAt.addingTimeInterval(60)
        let statements = try log.during { _ = try reflect(&driver, "Jeg lærte meget", from: "@anna:hs", in: "!dmanna:hs", thread: nil, at: now) }
        #expect(statements.count("FROM assessmentAssignment WHERE roundID") == 0)
        #expect(statements.count("FROM rating WHERE roundID") == 0)
        #expect(statements.count("closedAt IS NULL AND id IN") == 1, "the rater's open round, once")
        #expect(try driver.database.read { try $0.reflections.all(session: session.number) }.map(\.userID) == ["@anna:hs"])
    }

    @Test func aRatingReadsTheRatersOpenRoundOnceAndOnlyTheRatersPart() throws {
        let log = StatementLog()
        var driver = try AssessmentFlow().driver(try log.driver())
        _ = try driver.say("!evaluer A")
        var reply: JSONValue?
        let statements = try log.during { reply = try driver.say("4 4 4 4 4", from: "@anna:hs", in: "!dmanna:hs") }
        #expect(reply?["peerbot.kind"] != nil && reply?["peerbot.error"] == nil)
        #expect(statements.count("closedAt IS NULL AND id IN") == 1)
        #expect(statements.count("FROM assessmentAssignment WHERE roundID = ? ORDER BY rater") == 0, "not every rater's list")
        #expect(try driver.database.read { try $0.assessment.ratings(round: 1) }.map(\.rater) == ["@anna:hs"])
    }

    @Test func aPrivateAnswerAskedInAGroupRoomReadsTheSupervisorRoomOnceAndGoesThere() throws {
        let log = StatementLog()
        var driver = try SessionFlow().driverWithGroup(try log.driver())
        let files = { try driver.actions().compactMap { action -> String? in
            if case .sendFile(let room, _) = action { return room }
            return nil
        } }
        var notice: JSONValue?
        let exported = try log.during { notice = try driver.say("!export", in: "!groupA:hs") }
        #expect(exported.count(Self.supervisorRoom) == 1)
        #expect(notice?["peerbot.kind"] == "reply" && notice?["formatted_body"]?.stringValue?.contains(RoomDriver.room) == true)
        #expect(try driver.contents(in: RoomDriver.room).contains { $0["peerbot.kind"] == "export" })
        let sent = try files()
        #expect(!sent.isEmpty && sent.allSatisfy { $0 == RoomDriver.room })

        // An error is asked again in the group room's language; the room is still read once.
        var refused: JSONValue?
        let unknown = try log.during { refused = try driver.say("!export Z", in: "!groupA:hs") }
        #expect(unknown.count(Self.supervisorRoom) == 1)
        #expect(refused?["peerbot.kind"] == "error")
        #expect(try files().count == sent.count, "no files for a group that does not exist")

        var roster: JSONValue?
        let students = try log.during { roster = try driver.say("!students", in: "!groupA:hs") }
        #expect(students.count(Self.supervisorRoom) == 1)
        #expect(roster?["peerbot.kind"] == "reply")
        let list = try driver.contents(in: RoomDriver.room).last { $0["peerbot.kind"] == "roster" }
        #expect(list?["body"]?.stringValue?.contains("@anna:hs") == true)
    }

    @Test func aRatingChangedByAReplyOnceEveryPeerIsRatedReadsTheRequestRepliedToOnce() throws {
        let log = StatementLog()
        var driver = try AssessmentFlow().driver(try log.driver())
        _ = try driver.say("!evaluer A")
        let request = try #require(try driver.database.outbox.pending(limit: 1000).last { item in
            guard case .send("!dmanna:hs", _, let json) = item.action else { return false }
            return json.contains("assessment_request") && json.contains("peerbot.subject")
        })
        guard case .send(_, _, let json) = request.action, let subject = JSONValue.parse(json)?["peerbot.subject"]?.stringValue else {
            Issue.record("no subject on the request")
            return
        }
        try driver.database.outbox.markSent(id: request.id, eventID: "$firstRequest")
        for _ in 0..<3 { _ = try driver.say("3 3 3 3 3", from: "@anna:hs", in: "!dmanna:hs") }
        #expect(try driver.database.read { try $0.assessment.openRound(forRater: "@anna:hs") } == nil, "Anna has rated everyone")

        let content: JSONValue = ["msgtype": "m.text", "body": "5 5 5 5 5",
                                  "m.relates_to": ["m.in_reply_to": ["event_id": "$firstRequest"]]]
        let reply = driver.builder.event(sender: "@anna:hs", ts: Int64(Date().timeIntervalSince1970 * 1000) + Int64(driver.builder.next),
                                         content: content)
        let statements = try log.during { try driver.deliver([reply], in: "!dmanna:hs") }
        #expect(statements.count(Self.outboxByEvent) == 1)
        let answer = try driver.contents(in: "!dmanna:hs").last { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == reply.eventID }
        #expect(answer?["peerbot.kind"] != nil && answer?["peerbot.error"] == nil)
        let ratings = try driver.database.read { try $0.assessment.ratings(round: 1) }.filter { $0.rater == "@anna:hs" }
        #expect(ratings.count == 3)
        #expect(ratings.first { $0.subject == subject }?.marks == [5, 5, 5, 5, 5], "the peer the request named")
        #expect(ratings.filter { $0.subject != subject }.allSatisfy { $0.marks == [3, 3, 3, 3, 3] })
    }
}
