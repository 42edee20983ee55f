import Foundation
import Testing
@testable import PeerBotStore

@Suite struct FeedbackEventTests {
    static func message(_ room: String, kind: String) -> OutboxAction {
        .send(roomID: room, eventType: "m.room.message", contentJSON: #"{"msgtype":"m.text","body":"x","peerbot.kind":"\#(kind)"}"#)
    }

    @Test func sentFeedbackIsKnownByItsEventAndAsTheRoomsLastMessage() throws {
        let database = try AppDatabase.inMemory()
        let ids = try database.write { writer in
            let feedback = try writer.outbox.enqueue(Self.message("!dm:hs", kind: "feedback"), at: fixedDate(100)).id
            let other = try writer.outbox.enqueue(Self.message("!other:hs", kind: "feedback"), at: fixedDate(100)).id
            return (feedback, other)
        }
        // Still pending: the student has not seen it, so nothing answers it yet.
        #expect(try database.read { try $0.assessment.lastMessageWasFeedback(inRoom: "!dm:hs") } == nil)
        try database.outbox.markSent(id: ids.0, eventID: "$fb", at: fixedDate(101))
        try database.outbox.markSent(id: ids.1, eventID: "$elsewhere", at: fixedDate(102))
        try database.read { reader throws in
            #expect(try reader.assessment.isFeedbackEvent("$fb"))
            #expect(try !reader.assessment.isFeedbackEvent("$unknown"))
            #expect(try reader.assessment.lastMessageWasFeedback(inRoom: "!dm:hs") == fixedDate(101))
        }
        // A reaction does not change what the last message was; a later reminder does.
        let later = try database.write { writer in
            _ = try writer.outbox.enqueue(.send(roomID: "!dm:hs", eventType: "m.reaction", contentJSON: #"{"m.relates_to":{}}"#), at: fixedDate(103))
            return try writer.outbox.enqueue(Self.message("!dm:hs", kind: "reminder"), at: fixedDate(104)).id
        }
        try database.outbox.markSent(id: later, eventID: "$reminder", at: fixedDate(105))
        try database.read { reader throws in
            #expect(try reader.assessment.lastMessageWasFeedback(inRoom: "!dm:hs") == nil)
            #expect(try !reader.assessment.isFeedbackEvent("$reminder"))
            #expect(try reader.assessment.isFeedbackEvent("$fb"))
        }
    }
}
