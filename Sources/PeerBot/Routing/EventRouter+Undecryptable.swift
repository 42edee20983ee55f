import Foundation
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// Encrypted messages whose room key has not come within `undecryptable_after`: each sender
    /// is told once, in the room's language, as a reply to the message, and the message is given
    /// up (marked processed, so a key that comes later does not make it count twice after they
    /// sent it again). Several such messages of one sender in one room get one notice, on the
    /// newest: a burst of unreadable messages is not answered by a burst of notices.
    mutating func tellUndecryptable() throws {
        let wait = TimeInterval(context.config.undecryptableAfter.components.seconds)
        let overdue = try writer.undecrypted.events(receivedBefore: context.now.addingTimeInterval(-wait))
        var newest: [String: String] = [:]
        for pending in overdue { newest[pending.roomID + " " + pending.senderUserID] = pending.eventID }
        for pending in overdue {
            try isolated("the undecryptable notice for \(pending.eventID)") { router in
                try router.writer.undecrypted.drop(eventID: pending.eventID)
                guard try router.marks.claim(pending.eventID, roomID: pending.roomID, stored: nil, in: router.writer),
                      newest[pending.roomID + " " + pending.senderUserID] == pending.eventID,
                      let room = try router.writer.rooms.find(id: pending.roomID) else { return }
                router.logger.notice("encrypted message given up: its room key never came", metadata: [
                    "event": "\(pending.eventID)", "room": "\(pending.roomID)", "sender": "\(pending.senderUserID)",
                ])
                try router.enqueue(router.context.config.texts(router.context.language(of: room)).undecryptable(), in: room.roomID,
                                   replyTo: pending.eventID, mention: pending.senderUserID)
            }
        }
    }
}
