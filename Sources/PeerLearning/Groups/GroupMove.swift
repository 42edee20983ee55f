/// One step of `!group move`, in the order the runtime applies it in the batch's transaction.
public enum GroupMoveEffect: Sendable, Equatable {
    /// Move the student's membership to the target group.
    case move
    /// Invite the student to the target group's room.
    case inviteToTarget
    /// Remove the student from their old group's room, giving `reason`.
    case removeFromCurrent(reason: String)
}

/// The decision for `!group move @user <group>`.
public struct GroupMove: Sendable, Equatable {
    public var effects: [GroupMoveEffect]
    public var reply: BotMessage

    /// The student's current group as the move sees it.
    public struct Current: Sendable, Equatable {
        /// Whether it is the target group itself (compared by id: names may repeat over time).
        public var isTarget: Bool
        /// Whether its room exists yet (otherwise there is nobody to remove).
        public var hasRoom: Bool

        public init(isTarget: Bool, hasRoom: Bool) {
            self.isTarget = isTarget
            self.hasRoom = hasRoom
        }
    }

    /// `student` is nil when `userID` is not on the roster, `target` (the active group's name)
    /// when no active group has the name asked for, `current` when they are in no group.
    /// Moving a student to the group they are in changes nothing but answers as a move.
    public static func decide(
        _ userID: String, student: Student?, to groupName: String, target: String?, current: Current?, say: Texts
    ) -> GroupMove {
        guard let student else { return GroupMove(effects: [], reply: say.roster.studentNotFound(userID: userID)) }
        guard let target else { return GroupMove(effects: [], reply: say.groups.groupNotFound(groupName)) }
        guard let current else { return GroupMove(effects: [], reply: say.groups.notInAnyGroup(userID)) }
        let reply = say.groups.studentMoved(student, to: target)
        guard !current.isTarget else { return GroupMove(effects: [], reply: reply) }
        var effects: [GroupMoveEffect] = [.move, .inviteToTarget]
        if current.hasRoom { effects.append(.removeFromCurrent(reason: "moved to group \(target)")) }
        return GroupMove(effects: effects, reply: reply)
    }
}
