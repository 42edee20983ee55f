import Foundation
import MatrixClient
import PeerBotStore

extension EventRouter {
    /// Accepts an invite from a supervisor (a direct chat when `is_direct`); declines any other.
    mutating func handleInvite(roomID: String, _ invited: InvitedRoom) throws {
        guard let invite = invited.invite(of: context.botUserID) else { return }
        let known = try writer.rooms.find(id: roomID)
        if known?.joinedAt != nil { return }
        guard context.config.isSupervisor(invite.sender) else {
            logger.notice("declining an invite from someone who is not a supervisor", metadata: ["room": "\(roomID)", "inviter": "\(invite.sender)"])
            try writer.outbox.enqueue(.leave(roomID: roomID))
            outcome.enqueued += 1
            return
        }
        if let known {
            // A room the bot lost (kicked, banned) and a supervisor invites it back to: it
            // rejoins as what it was, a group or the supervisor room.
            try writer.outbox.enqueue(.join(roomID: roomID))
            outcome.enqueued += 1
            logger.info("rejoining a room on a supervisor's invite", metadata: ["room": "\(roomID)", "kind": "\(known.kind.rawValue)"])
            return
        }
        let isDirect = invite.isDirect
        let hasDirectRoom = try writer.rooms.direct(userID: invite.sender) != nil
        let kind: RoomKind = isDirect && !hasDirectRoom ? .direct : .invited
        try writer.rooms.upsert(RoomRecord(roomID: roomID, kind: kind, language: nil, groupName: nil,
                                           userID: kind == .direct ? invite.sender : nil, joinedAt: nil))
        try writer.outbox.enqueue(.join(roomID: roomID))
        outcome.enqueued += 1
        logger.info("accepting an invite", metadata: ["room": "\(roomID)", "inviter": "\(invite.sender)", "kind": "\(kind.rawValue)"])
    }
}
