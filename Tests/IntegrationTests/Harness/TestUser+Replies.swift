import Foundation

extension TestUser {
    /// Sends `text` as a Matrix reply to `eventID` (`m.relates_to.m.in_reply_to`), as a chat
    /// client does when the user picks "Reply" on a message; returns the new event's id.
    @discardableResult
    func send(_ text: String, in roomID: String, replyingTo eventID: String) async throws -> String {
        let content: JSON = [
            "msgtype": "m.text",
            "body": .string(text),
            "m.relates_to": ["m.in_reply_to": ["event_id": .string(eventID)]],
        ]
        return try await sendEvent(type: "m.room.message", content: content, in: roomID)
    }
}
