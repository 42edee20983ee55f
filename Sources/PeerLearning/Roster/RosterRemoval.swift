/// One step of `!student remove`, in the order the runtime applies it in the batch's transaction.
public enum RosterRemovalEffect: Sendable, Equatable {
    /// Take the student off the roster and out of their active group.
    case remove
    /// Remove them from their group's room, giving `reason`.
    case kick(groupID: Int64, reason: String)
}

/// The decision for `!student remove @user`.
public struct RosterRemoval: Sendable, Equatable {
    public var effects: [RosterRemovalEffect]
    public var reply: BotMessage

    /// The student's active group, with texts in its room's language.
    public typealias Group = GroupVoice

    public init(effects: [RosterRemovalEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// Off the roster means out of the group's room too, or they would go on reading it.
    public static func decide(_ userID: String, onRoster: Bool, group: Group?, say: Texts) -> RosterRemoval {
        guard onRoster else { return RosterRemoval(effects: [], reply: say.roster.studentNotFound(userID: userID)) }
        var effects: [RosterRemovalEffect] = [.remove]
        if let group { effects.append(.kick(groupID: group.id, reason: group.say.roster.removedStudentKickReason(group: group.name))) }
        return RosterRemoval(effects: effects, reply: say.roster.studentRemoved(userID: userID))
    }
}
