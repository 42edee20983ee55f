import Foundation

/// Which stored deadline an extension moves: the store's key for it.
public enum ExtensionTarget: Sendable, Equatable {
    /// The reflection on one session (its number).
    case reflection(session: Int64)
    /// The ratings in one assessment round (its id).
    case assessment(round: Int64)
}

/// One step of `!extend`, in the order the runtime applies it in the batch's transaction.
public enum ExtensionGrantEffect: Sendable, Equatable {
    /// Store the student's own deadline; `reminded` when it is already past, so that no reminder follows.
    case extend(ExtensionTarget, to: Date, reminded: Bool)
    /// Tell the student in their direct room, mentioning them.
    case tellStudent(BotMessage)
}

/// The decision for `!extend @user <duration>`.
public struct ExtensionGrant: Sendable, Equatable {
    public var effects: [ExtensionGrantEffect]
    public var reply: BotMessage

    /// The longest extension one `!extend` grants: a placement lasts at most a few months.
    public static let longestSeconds = 30 * 86_400

    /// A deadline of the student's that is still open, with where it stands now (their own
    /// extension's, or the common one).
    public struct Open: Sendable, Equatable {
        public var deadline: ExtensionTarget
        public var item: ExtendedItem
        public var current: Date

        public init(_ deadline: ExtensionTarget, item: ExtendedItem, current: Date) {
            self.deadline = deadline
            self.item = item
            self.current = current
        }
    }

    /// The student as `!extend` sees them: their name and what is open, reflection first.
    public struct Student: Sendable, Equatable {
        public var name: String
        public var open: [Open]

        public init(name: String, open: [Open]) {
            self.name = name
            self.open = open
        }
    }

    public init(effects: [ExtensionGrantEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `student` is nil when `userID` is not on the roster or in no active group. Each open
    /// deadline moves by `seconds` from where it stands; the student is told in the
    /// deployment's language (`notice`), the supervisor answered in theirs (`say`).
    public static func decide(
        _ userID: String, student: Student?, by seconds: Int, now: Date, timeZone: ZoneRules, notice: Texts, say: Texts
    ) -> ExtensionGrant {
        guard let student else { return ExtensionGrant(effects: [], reply: say.roster.studentNotFound(userID: userID)) }
        guard seconds <= longestSeconds else {
            return ExtensionGrant(effects: [], reply: say.extensions.extensionTooLong(days: longestSeconds / 86_400))
        }
        guard !student.open.isEmpty else { return ExtensionGrant(effects: [], reply: say.extensions.nothingToExtend(name: student.name)) }
        var effects: [ExtensionGrantEffect] = []
        var moved: [(kind: ExtendedItem, deadline: Date)] = []
        for open in student.open {
            let deadline = open.current.addingTimeInterval(TimeInterval(seconds))
            effects.append(.extend(open.deadline, to: deadline, reminded: deadline <= now))
            moved.append((open.item, deadline))
        }
        effects.append(.tellStudent(notice.extensions.deadlineExtended(moved, timeZone: timeZone)))
        return ExtensionGrant(effects: effects, reply: say.extensions.extensionGranted(name: student.name, moved, timeZone: timeZone))
    }
}
