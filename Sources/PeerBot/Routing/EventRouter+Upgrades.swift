import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A managed room was upgraded (`m.room.tombstone`): the bot joins the replacement room and
    /// its registry moves there, so the group, the direct room or the supervisor room go on in
    /// the new room. The old room is kept as replaced and no longer acted on.
    mutating func handleTombstone(_ event: ClientEvent, room: inout RoomRecord) throws {
        guard event.stateKey == "", !event.isRedacted else { return }
        let decision = RoomUpgrade.decide(roomID: room.roomID, sender: event.sender,
                                          replacementRoomID: event.replacementRoomID,
                                          supervisors: context.config.supervisors, botUserID: context.botUserID)
        guard case .follow(let newRoomID) = decision else {
            if case .ignore(let reason) = decision {
                logger.notice("ignoring a room upgrade", metadata: ["room": "\(room.roomID)", "sender": "\(event.sender)", "why": "\(reason)"])
            }
            return
        }
        switch try writer.rooms.move(from: room.roomID, to: newRoomID) {
        case .moved(let needsJoin):
            if needsJoin {
                try writer.outbox.enqueue(.join(roomID: newRoomID))
                outcome.enqueued += 1
            }
            outcome.handled += 1
            logger.info("following a room upgrade", metadata: ["room": "\(room.roomID)", "to": "\(newRoomID)",
                                                              "kind": "\(room.kind.rawValue)"])
            // The rest of this batch's events in the old room are no longer acted on.
            room.joinedAt = nil
        case .conflict(let existing):
            logger.warning("a room upgrade points at a room managed as something else",
                           metadata: ["room": "\(room.roomID)", "to": "\(newRoomID)", "existing": "\(existing.rawValue)"])
        case .unknownRoom:
            break
        }
    }
}
