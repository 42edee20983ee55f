import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// The bot is no longer in a room it manages (kicked, banned, or the room was left): the
    /// supervisors are told; a student's lost direct room is replaced by a new one; a group or
    /// the supervisor room waits for a supervisor's invite, which the bot accepts.
    mutating func handleLoss(roomID: String, _ left: LeftRoom) throws {
        guard var room = try writer.rooms.find(id: roomID), room.joinedAt != nil else { return }
        let change = left.membership(of: context.botUserID)
        let remover = change?.sender ?? ""
        let banned = change?.membership == .ban
        logger.error("lost a managed room", metadata: ["room": "\(roomID)", "kind": "\(room.kind.rawValue)",
                                                       "by": "\(remover)", "banned": "\(banned)"])
        outcome.handled += 1
        var replaced = false
        if room.kind == .direct, let userID = room.userID {
            try writer.rooms.remove(id: roomID)
            try writer.rooms.forgetRef(roomID: roomID)
            if try writer.roster.isStudent(userID) {
                let fresh = try DirectRooms(writer: writer, config: context.config).room(for: userID)
                try enqueue(context.config.texts(context.config.language).privacy.directRoomReplaced(), in: fresh, mention: userID)
                replaced = true
            }
        } else {
            room.joinedAt = nil
            try writer.rooms.upsert(room)
        }
        guard room.kind != .supervisor, let supervisorRoom = try writer.rooms.supervisor(), supervisorRoom.joinedAt != nil else { return }
        let lost = LostRoom(roomID: roomID, kind: room.kind.rawValue, group: room.groupName, student: room.userID,
                            by: remover == context.botUserID ? nil : remover, banned: banned, replaced: replaced)
        try enqueue(context.config.texts(context.language(of: supervisorRoom)).privacy.roomLost(lost), in: supervisorRoom.roomID,
                    mentions: context.config.supervisors)
    }
}
