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
        let lost = RoomLoss.Room(roomID: roomID, kind: room.kind.rawValue, group: room.groupName, userID: room.userID,
                                 studentOnRoster: try room.userID.map(writer.roster.isStudent) ?? false)
        // Read before the lost room is marked left: so the lost room itself is never told.
        let supervisorRoom = try writer.rooms.supervisor().flatMap { $0.joinedAt == nil || $0.roomID == roomID ? nil : $0 }
        let effects = RoomLoss.decide(lost, remover: remover == context.botUserID ? nil : remover, banned: banned,
                                      student: context.config.texts(context.config.language),
                                      supervisors: supervisorRoom.map { context.config.texts(context.language(of: $0)) })
        for effect in effects {
            switch effect {
            case .forgetDirectRoom:
                try writer.rooms.remove(id: roomID)
                try writer.rooms.forgetRef(roomID: roomID)
            case .markLeft:
                room.joinedAt = nil
                try writer.rooms.upsert(room)
            case .tell(let userID, let message):
                try enqueue(message, in: try DirectRooms(writer: writer, config: context.config).room(for: userID), mention: userID)
            case .toSupervisors(let message):
                guard let supervisorRoom else { continue }
                try enqueue(message, in: supervisorRoom.roomID, mentions: context.config.supervisors)
            }
        }
    }
}
