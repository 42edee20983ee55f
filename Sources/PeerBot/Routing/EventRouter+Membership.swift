import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// Membership in a group room: an outsider who joined or was invited is removed, a student
    /// joining is noted, and a join after they were reported missing is told (`GroupRoomEntry`).
    mutating func handleMembership(_ event: ClientEvent, room: RoomRecord) throws {
        guard room.kind == .group, let userID = event.stateKey,
              let membership = event.membership, membership == .join || membership == .invite,
              let group = try writer.groups.find(forRoom: room.roomID), group.archivedAt == nil else { return }
        let members = try writer.groups.members(ofGroup: group.id).map {
            GroupRoomEntry.Member(userID: $0.userID, joined: $0.joinedRoomAt != nil, reportedMissing: $0.reportedMissingAt != nil)
        }
        // Read only for what the decision can say: an outsider's removal, or a late join of a
        // student reported missing (most membership events, display-name changes too, are neither).
        let outsider = GroupRoomMembers.isOutsider(userID, members: members.map(\.userID), supervisors: context.config.supervisors,
                                                   bot: context.botUserID)
        let lateJoin = membership == .join && members.contains { $0.userID == userID && !$0.joined && $0.reportedMissing }
        let supervisorRoom = outsider || lateJoin ? try writer.rooms.supervisor() : nil
        let effects = GroupRoomEntry.decide(userID, joined: membership == .join, group: group.name, members: members,
                                            supervisorIDs: context.config.supervisors, bot: context.botUserID,
                                            student: lateJoin ? try writer.roster.find(userID: userID)?.student : nil,
                                            room: context.config.texts(context.language(of: room)),
                                            supervisors: supervisorRoom.map { context.config.texts(context.language(of: $0)) })
        for effect in effects {
            switch effect {
            case .kick(let reason):
                try writer.outbox.enqueue(.kick(roomID: room.roomID, userID: userID, reason: reason))
                outcome.enqueued += 1
                logger.info("removed an outsider from a group room", metadata: ["room": "\(room.roomID)", "user": "\(userID)"])
            case .markJoined:
                try writer.groups.markMemberJoined(groupID: group.id, userID: userID, at: context.now)
            case .toSupervisors(let message):
                guard let supervisorRoom else { continue }
                try enqueue(message, in: supervisorRoom.roomID, mentions: context.config.supervisors)
            }
        }
    }
}
