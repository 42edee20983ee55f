import Foundation

/// One step of answering someone who joined or was invited to a group room, in the order the
/// runtime applies it.
public enum GroupRoomEntryEffect: Sendable, Equatable {
    /// Kick them from the room, giving `reason`.
    case kick(reason: String)
    /// Record that the member has joined the group's room.
    case markJoined
    /// Post `message` in the supervisor room, naming the supervisors.
    case toSupervisors(BotMessage)
}

/// The decision on a join or invite in a group room: an outsider (neither in the group, a
/// supervisor nor the bot) is removed and the supervisors told; a student's first join is
/// noted, and the supervisors told when they had been reported missing.
public enum GroupRoomEntry {
    /// A student of the group as the decision needs them.
    public struct Member: Sendable, Equatable {
        public var userID: String
        public var joined: Bool
        public var reportedMissing: Bool

        public init(userID: String, joined: Bool, reportedMissing: Bool) {
            self.userID = userID
            self.joined = joined
            self.reportedMissing = reportedMissing
        }
    }

    /// `joined` for a join, false for an invite. `student` is the user's roster entry, if any;
    /// `room` speaks the group room's language, `supervisors` the supervisor room's (nil when
    /// there is none, so nobody is told).
    public static func decide(_ userID: String, joined: Bool, group: String, members: [Member], supervisorIDs: [String], bot: String,
                              student: Student?, room: Texts, supervisors: Texts?) -> [GroupRoomEntryEffect] {
        if GroupRoomMembers.isOutsider(userID, members: members.map(\.userID), supervisors: supervisorIDs, bot: bot) {
            var effects: [GroupRoomEntryEffect] = [.kick(reason: room.privacy.outsiderKickReason(group: group))]
            if let supervisors { effects.append(.toSupervisors(supervisors.privacy.outsiderRemoved(userID: userID, group: group))) }
            return effects
        }
        guard joined, let member = members.first(where: { $0.userID == userID }), !member.joined else { return [] }
        guard member.reportedMissing, let supervisors, let student else { return [.markJoined] }
        return [.markJoined, .toSupervisors(supervisors.groups.lateJoin(student: student, group: group))]
    }
}
