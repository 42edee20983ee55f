import Foundation

/// A reflection round's rules in time: from the prompt at the session's end to the deadline,
/// when a reflection is late, how long the direct room still takes one, when the reminder is
/// due and when the round closes with its summary. Each student's own deadline (the common one,
/// or a later one `!extend` gave them) is passed in where it matters.
public struct ReflectionTimeline: Sendable, Equatable {
    /// When the prompt went out.
    public let promptedAt: Date
    /// The common deadline.
    public let deadline: Date

    public init(promptedAt: Date, deadline: Date) {
        self.promptedAt = promptedAt
        self.deadline = deadline
    }

    /// The round opened at `date` with `reflection_deadline`'s length in seconds.
    public static func opening(at date: Date, length seconds: Int) -> ReflectionTimeline {
        ReflectionTimeline(promptedAt: date, deadline: date.addingTimeInterval(TimeInterval(seconds)))
    }

    /// From the prompt to the common deadline.
    public var length: TimeInterval { deadline.timeIntervalSince(promptedAt) }

    /// Halfway to the common deadline: when those who have not reflected are reminded.
    public var halfway: Date { promptedAt.addingTimeInterval(length / 2) }

    /// A reflection sent after the student's own deadline is kept, marked late.
    public func isLate(sent: Date, ownDeadline: Date) -> Bool {
        sent > ownDeadline
    }

    /// A plain direct-room message reflects on the round until one more round's length after
    /// the student's own deadline (late then); after that it is just a message. Judged by when
    /// it was sent, so a message sent in time while the bot was down still counts.
    public func acceptsDirect(sent: Date, ownDeadline: Date) -> Bool {
        sent < ownDeadline.addingTimeInterval(length)
    }

    /// Whether the common reminder is due at `now`: once, from halfway until the deadline, and
    /// only while someone has not reflected.
    public func remindsEveryone(at now: Date, alreadyReminded: Bool, someoneMissing: Bool) -> Bool {
        !alreadyReminded && someoneMissing && now >= halfway && now < deadline
    }

    /// Whether the round closes at `now`: when nobody is missing, or once the common deadline and
    /// every missing student's own deadline have passed. `missingDeadlines` are those own deadlines.
    public func closes(at now: Date, missingDeadlines: [Date]) -> Bool {
        guard let last = missingDeadlines.max() else { return true }
        return now >= max(deadline, last)
    }
}
