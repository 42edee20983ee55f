import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// Runs one piece of a batch in its own savepoint. A failure that would come back on every
    /// retry is logged and left behind, so the batch goes on; a transient one aborts the batch.
    mutating func isolated(_ what: String, _ body: (inout EventRouter) throws -> Void) throws {
        let before = outcome
        let claims = marks.checkpoint
        do {
            try writer.savepoint { try body(&self) }
        } catch where !StoreFailure.isTransient(error) {
            outcome = before
            marks.undo(to: claims)
            logger.error("could not handle \(what); left behind", metadata: ["error": "\(Self.describe(error))"])
        }
    }

    /// An event whose handling failed for a reason a retry would not fix: it is logged with
    /// its id, marked processed so it is never tried again, and a person who sent a message is told.
    mutating func setAside(_ event: ClientEvent, room: RoomRecord, error: any Error) throws {
        groupByRoom = [:]
        sessionsByGroup = [:]
        roster = nil
        logger.error("event could not be handled; marked processed and skipped", metadata: [
            "event": "\(event.eventID)", "room": "\(room.roomID)", "type": "\(event.type)", "error": "\(Self.describe(error))",
        ])
        try isolated("marking \(event.eventID) processed") { router in
            _ = try router.marks.claim(event.eventID, roomID: room.roomID, stored: nil, in: router.writer)
        }
        guard event.type == "m.room.message", event.sender != context.botUserID, !event.isRedacted else { return }
        let language = context.language(of: room)
        try isolated("the failure notice for \(event.eventID)") { router in
            try router.enqueue(router.context.config.texts(language).messageNotHandled(), in: room.roomID, replyTo: event.eventID, mention: event.sender)
        }
    }

    /// The error's type and code for the log; never the message text it may carry.
    static func describe(_ error: any Error) -> String {
        if let store = error as? StoreError { return store.code }
        return String(reflecting: type(of: error)) + ": " + String(describing: error).prefix(300)
    }
}
