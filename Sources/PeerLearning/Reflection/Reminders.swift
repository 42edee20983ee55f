/// One step of `!remind`, in the order the runtime applies it in the batch's transaction.
public enum RemindersEffect: Sendable, Equatable {
    /// Send `message` to the student's direct room (made first if they have none), mentioning them.
    case nudge(userID: String, BotMessage)
}

/// The decision for `!remind [group]`: a nudge for each member with something open, and a count for the supervisor.
public struct Reminders: Sendable, Equatable {
    public var effects: [RemindersEffect]
    public var reply: BotMessage

    /// A group member as `!remind` sees them: their name and what they still owe.
    public struct Member: Sendable, Equatable {
        public var userID: String
        public var name: String
        public var open: [OpenItem]

        public init(userID: String, name: String, open: [OpenItem]) {
            self.userID = userID
            self.name = name
            self.open = open
        }
    }

    /// A group reminded, with its members in the store's order.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var members: [Member]

        public init(name: String, members: [Member]) {
            self.name = name
            self.members = members
        }
    }

    public init(effects: [RemindersEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `named` when the command named its group: the answer names it, otherwise it speaks of
    /// all groups. The nudges speak `notice` (the deployment's language), the answer `say`.
    public static func decide(_ groups: [Group], named: Bool, notice: Texts, say: Texts) -> Reminders {
        let effects = groups.flatMap { group in
            group.members.filter { !$0.open.isEmpty }.map { RemindersEffect.nudge(userID: $0.userID, notice.reflections.nudge(name: $0.name, openItems: $0.open)) }
        }
        let label = named ? groups.last?.name ?? "all" : "all"
        return Reminders(effects: effects, reply: say.reflections.remindersSent(count: effects.count, group: label))
    }
}
