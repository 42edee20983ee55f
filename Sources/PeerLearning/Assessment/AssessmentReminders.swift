import Foundation

/// One step of reminding an open round's raters, in the order the runtime applies it.
public enum AssessmentReminderEffect: Sendable, Equatable {
    /// Send `message` to the student's direct room (made first if they have none), mentioning them.
    case tell(userID: String, BotMessage)
    /// Record that the round's halfway reminder went out.
    case markRoundReminded
    /// Record that the reminder for the student's extended deadline went out.
    case markExtensionReminded(userID: String)
}

/// Which raters of an open round are reminded now: halfway to the round's deadline everyone who
/// still has ratings to give (but those with an extension), and halfway from an extension's
/// grant to its deadline the student who has it.
public enum AssessmentReminders {
    /// A deadline `!extend` gave one student.
    public struct Extension: Sendable, Equatable {
        public var deadline: Date
        public var grantedAt: Date
        public var reminded: Bool

        public init(deadline: Date, grantedAt: Date, reminded: Bool) {
            self.deadline = deadline
            self.grantedAt = grantedAt
            self.reminded = reminded
        }

        /// Halfway from the grant to the new deadline, so a student who was just told the new
        /// deadline is not reminded of it at once.
        public var reminderDue: Date {
            grantedAt.addingTimeInterval(deadline.timeIntervalSince(grantedAt) / 2)
        }
    }

    /// The round as the reminders need it.
    public struct Round: Sendable, Equatable {
        public var group: String
        public var startedAt: Date
        public var deadline: Date
        /// Whether the halfway reminder went out already.
        public var reminded: Bool
        /// How many ratings each rater still has to give; a rater who has given all is left out.
        public var remaining: [String: Int]
        public var extensions: [String: Extension]

        public init(group: String, startedAt: Date, deadline: Date, reminded: Bool, remaining: [String: Int],
                    extensions: [String: Extension]) {
            self.group = group
            self.startedAt = startedAt
            self.deadline = deadline
            self.reminded = reminded
            self.remaining = remaining.filter { $0.value > 0 }
            self.extensions = extensions
        }
    }

    /// The reminders due at `now`; `say` speaks the deployment's language.
    public static func decide(_ round: Round, now: Date, timeZone: ZoneRules, say: Texts) -> [AssessmentReminderEffect] {
        var effects: [AssessmentReminderEffect] = []
        let halfway = round.startedAt.addingTimeInterval(round.deadline.timeIntervalSince(round.startedAt) / 2)
        if !round.reminded, now >= halfway, now < round.deadline, !round.remaining.isEmpty {
            for (rater, remaining) in round.remaining.sorted(by: { $0.key < $1.key }) where round.extensions[rater] == nil {
                effects.append(.tell(userID: rater, say.assessment.assessmentReminder(group: round.group, remaining: remaining,
                                                                                      deadline: round.deadline, timeZone: timeZone)))
            }
            effects.append(.markRoundReminded)
        }
        for (rater, granted) in round.extensions.sorted(by: { $0.key < $1.key }) {
            guard let remaining = round.remaining[rater], !granted.reminded, now >= granted.reminderDue, now < granted.deadline else { continue }
            effects.append(.tell(userID: rater, say.assessment.assessmentReminder(group: round.group, remaining: remaining,
                                                                                  deadline: granted.deadline, timeZone: timeZone)))
            effects.append(.markExtensionReminded(userID: rater))
        }
        return effects
    }
}
