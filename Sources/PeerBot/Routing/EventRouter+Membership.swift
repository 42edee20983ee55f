import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// Membership in a group room: an outsider who joined or was invited is removed, a student
    /// joining is noted, and a join after they were reported missing is told.
    mutating func handleMembership(_ event: ClientEvent, room: RoomRecord) throws {
        guard room.kind == .group, let userID = event.stateKey,
              let membership = event.membership, membership == .join || membership == .invite,
              let group = try writer.groups.find(forRoom: room.roomID), group.archivedAt == nil else { return }
        let members = try writer.groups.members(ofGroup: group.id)
        if GroupRoomMembers.isOutsider(userID, members: members.map(\.userID), supervisors: context.config.supervisors,
                                       bot: context.botUserID) {
            try removeOutsider(userID, from: room, group: group)
            return
        }
        guard membership == .join, let member = members.first(where: { $0.userID == userID }) else { return }
        guard try writer.groups.markMemberJoined(groupID: group.id, userID: userID, at: context.now) else { return }
        if member.reportedMissingAt != nil, let supervisorRoom = try writer.rooms.supervisor(), let student = try writer.roster.find(userID: userID) {
            let note = context.config.texts(context.language(of: supervisorRoom)).groups.lateJoin(student: student.student, group: group.name)
            try enqueue(note, in: supervisorRoom.roomID, mentions: context.config.supervisors)
        }
    }

    /// Kicks someone who is neither in the group nor a supervisor, and tells the supervisors.
    private mutating func removeOutsider(_ userID: String, from room: RoomRecord, group: StudyGroupRecord) throws {
        let reason = context.config.texts(context.language(of: room)).privacy.outsiderKickReason(group: group.name)
        try writer.outbox.enqueue(.kick(roomID: room.roomID, userID: userID, reason: reason))
        outcome.enqueued += 1
        logger.info("removed an outsider from a group room", metadata: ["room": "\(room.roomID)", "user": "\(userID)"])
        if let supervisorRoom = try writer.rooms.supervisor() {
            try enqueue(context.config.texts(context.language(of: supervisorRoom)).privacy.outsiderRemoved(userID: userID, group: group.name),
                        in: supervisorRoom.roomID, mentions: context.config.supervisors)
        }
    }
}
