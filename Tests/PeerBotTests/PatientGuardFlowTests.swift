import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Student texts pass the patient guard before they are kept or forwarded.
@Suite struct PatientGuardFlow {
    let flow = ReflectionFlow()
    static let identifying = "Hr. Jensen på stue 4 seng 2 (120385-1234) var bange"
    static let masked = "Hr. [navn] på [seng] ([CPR]) var bange"

    func redactions(_ driver: RoomDriver) throws -> [(room: String, event: String, reason: String?)] {
        try driver.actions().compactMap { action in
            guard case .redact(let room, let event, let reason) = action else { return nil }
            return (room, event, reason)
        }
    }

    func notices(_ driver: RoomDriver, in room: String) throws -> [JSONValue] {
        try driver.contents(in: room).filter { $0["peerbot.kind"] == "guard" }
    }

    @Test func aThreadReflectionWithIdentifiersIsKeptMaskedRedactedAndTheStudentTold() throws {
        let (started, session) = try flow.endedSession()
        var driver = started
        let event = try flow.message(&driver, Self.identifying, from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        let kept = try #require(try driver.database.read { try $0.reflections.find(eventID: event.eventID) })
        #expect(kept.text == Self.masked)
        #expect(kept.masked)
        let redacted = try redactions(driver)
        #expect(redacted.map(\.event) == [event.eventID])
        #expect(redacted.first?.room == "!groupA:hs")
        #expect(redacted.first?.reason == "patient identifier")
        let notice = try #require(try notices(driver, in: "ref:direct:@bo:hs").first)
        #expect(notice["msgtype"] == "m.text")
        #expect(notice["m.mentions"]?["user_ids"] == ["@bo:hs"])
        let body = try #require(notice["body"]?.stringValue)
        #expect(body.contains(Self.masked))
        #expect(body.contains("et CPR-nummer"))
        #expect(body.contains("skriv den igen"))
        #expect(!body.contains("Jensen") && !body.contains("120385"))
        let reacted = try driver.actions().contains { if case .send(_, "m.reaction", _) = $0 { true } else { false } }
        #expect(!reacted, "no ✅ on a message that is being redacted")
        let summary = try #require(try driver.say("!summary A #\(session.number)"))
        let text = try #require(summary["body"]?.stringValue)
        #expect(text.contains(Self.masked))
        #expect(text.contains("patient details masked"))
        #expect(!text.contains("Jensen"))
    }

    @Test func aDirectReflectionIsRedactedInTheDirectRoomWithoutAskingToRepost() throws {
        var driver = try flow.endedSession().0
        let event = try flow.message(&driver, "Fru Olsen i seng 12 græd", from: "@anna:hs", in: "!dmAnna:hs")
        #expect(try driver.database.read { try $0.reflections.find(eventID: event.eventID)?.text } == "Fru [navn] i [seng] græd")
        #expect(try redactions(driver).map(\.room) == ["!dmAnna:hs"])
        let body = try #require(try notices(driver, in: "!dmAnna:hs").first?["body"]?.stringValue)
        #expect(!body.contains("skriv den igen"))
    }

    @Test func dosesTimesAndRosterNamesAreKeptAsWritten() throws {
        var driver = try flow.endedSession().0
        let text = "Fru Anna og jeg gav 2 x 500 mg kl. 14.30 på afsnit 4, ring 12345678"
        let event = try flow.message(&driver, text, from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        let kept = try #require(try driver.database.read { try $0.reflections.find(eventID: event.eventID) })
        #expect(kept.text == text)
        #expect(!kept.masked)
        #expect(try redactions(driver).isEmpty)
        #expect(try notices(driver, in: "ref:direct:@bo:hs").isEmpty)
    }

    @Test func maskKeepsTheMessageAndOffKeepsTheText() throws {
        var driver = try flow.endedSession().0
        driver.config.patientGuard = .mask
        let masked = try flow.message(&driver, Self.identifying, from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        #expect(try driver.database.read { try $0.reflections.find(eventID: masked.eventID)?.text } == Self.masked)
        #expect(try redactions(driver).isEmpty)
        #expect(try notices(driver, in: "ref:direct:@bo:hs").first?["body"]?.stringValue?.contains("står stadig i rummet") == true)
        driver.config.patientGuard = .off
        let plain = try flow.message(&driver, Self.identifying, from: "@cecilie:hs", in: "!groupA:hs", thread: "$prompt")
        #expect(try driver.database.read { try $0.reflections.find(eventID: plain.eventID)?.text } == Self.identifying)
        #expect(try redactions(driver).isEmpty)
    }

    @Test func questionsTasksAndReflectCommandsAreMaskedBeforeTheyAreKeptOrForwarded() throws {
        let (started, session) = try flow.endedSession()
        var driver = started
        _ = try driver.say("!question Må vi tale om hr. Jensen fra seng 3?", from: "@bo:hs", in: "!groupA:hs")
        let forwarded = try #require(try driver.contents(in: RoomDriver.room).last?["body"]?.stringValue)
        #expect(forwarded.contains("Må vi tale om hr. [navn] fra [seng]?"))
        #expect(!forwarded.contains("Jensen"))
        _ = try driver.say("!task add me Ring til fru Olsen", from: "@bo:hs", in: "!groupA:hs")
        let group = try #require(try driver.database.read { try $0.groups.active().first })
        #expect(try driver.database.read { try $0.tasks.all(ofGroup: group.id) }.map(\.text) == ["Ring til fru [navn]"])
        let reply = try #require(try driver.say("!reflect Mr Smith i stue 9 lærte mig meget", from: "@david:hs", in: "!groupA:hs"))
        #expect(reply["peerbot.kind"] == "reflection_ack")
        let kept = try driver.database.read { try $0.reflections.all(session: session.number) }
        #expect(kept.map(\.text) == ["Mr [navn] i [seng] lærte mig meget"])
        #expect(try redactions(driver).count == 3)
        #expect(try notices(driver, in: "ref:direct:@bo:hs").count == 2)
    }

    @Test func anEditThatAddsAnIdentifierIsMaskedAndTheEditRedacted() throws {
        var driver = try flow.endedSession().0
        let original = try flow.message(&driver, "Første udkast", from: "@bo:hs", in: "!groupA:hs", thread: "$prompt")
        let edit = driver.builder.event(sender: "@bo:hs", ts: Int64(Date().timeIntervalSince1970 * 1000) + 50, content: [
            "msgtype": "m.text", "body": "* Miss Evans i bed 4",
            "m.new_content": ["msgtype": "m.text", "body": "Miss Evans i bed 4"],
            "m.relates_to": ["rel_type": "m.replace", "event_id": .string(original.eventID)],
        ])
        try driver.deliver([edit], in: "!groupA:hs")
        let kept = try #require(try driver.database.read { try $0.reflections.find(eventID: original.eventID) })
        #expect(kept.text == "Miss [navn] i [seng]")
        #expect(kept.masked)
        #expect(try redactions(driver).map(\.event) == [edit.eventID])
    }
}

extension PatientGuardFlow {
    @Test func aRatingCommentIsKeptMaskedAndTheRatingRedacted() throws {
        let flow = AssessmentFlow()
        var driver = try flow.driver()
        _ = try driver.say("!evaluer A")
        let answer = driver.builder.text("4 4 4 4 4 god hos hr. Jensen på stue 4", from: "@anna:hs",
                                         ts: Int64(Date().timeIntervalSince1970 * 1000) + 10)
        try driver.deliver([answer], in: "!dmanna:hs")
        let ratings = try driver.database.read { try $0.assessment.ratings(round: 1) }
        #expect(ratings.map(\.comment) == ["god hos hr. [navn] på [seng]"])
        #expect(try redactions(driver).map(\.event) == [answer.eventID])
        #expect(try notices(driver, in: "!dmanna:hs").count == 1)
    }

    @Test func theDebugLogLineOfACommandIsMasked() throws {
        let driver = try flow.endedSession().0
        let config = driver.config
        let logged = try driver.database.write { writer in
            EventRouter(context: BatchContext(config: config, now: Date()), writer: writer, logger: Logger(label: "test"))
                .loggable("!spørgsmål hr. Jensen 120385-1234")
        }
        #expect(logged == "!spørgsmål hr. [name] [CPR]")
    }
}
