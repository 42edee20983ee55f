import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A ✅ (or ✔️ ✔ 👍) on a session's goals message confirms them for the student who reacted.
    mutating func handleReaction(_ event: ClientEvent, room: RoomRecord) throws {
        guard case .annotation(let target, let key) = event.relation, ConfirmationReaction.isConfirmation(key),
              let session = try writer.sessions.find(forGoalsEventID: target), session.cancelledAt == nil,
              try writer.groups.active(ofStudent: event.sender)?.id == session.groupID
        else { return }
        try writer.participation.confirm(session.number, userID: event.sender, version: session.goalsVersion, at: context.now, reactionEventID: event.eventID)
        outcome.handled += 1
    }

    /// A redacted confirmation reaction withdraws the confirmation.
    mutating func handleRedaction(_ event: ClientEvent, room: RoomRecord) throws {
        guard let redacted = event.redactedEventID else { return }
        if try writer.participation.withdrawConfirmation(reactionEventID: redacted) != nil { outcome.handled += 1 }
        if try writer.reflections.remove(eventID: redacted) { outcome.handled += 1 }
    }
}
