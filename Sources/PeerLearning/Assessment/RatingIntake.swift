import Foundation

/// One step of taking a student's answer to a rating request, in the order the runtime applies it.
public enum RatingIntakeEffect: Sendable, Equatable {
    /// Keep the rater's marks and comment for `subject` (replacing an earlier rating of that
    /// peer) and mark the assignment answered.
    case save(subject: String, marks: [Int], comment: String?)
    /// Answer the student's message, in reply to it, in the room it came from.
    case reply(BotMessage)
    /// Send `message` to the student's direct room (made first if they have none), mentioning them.
    case tell(userID: String, BotMessage)
    /// Record that the rater has been asked about `subject` (the request just told).
    case markRequested(subject: String)
    /// Post `message` in the room the answer came from, not as a reply.
    case post(BotMessage)
}

/// The decision on a student's reply to a rating request in their direct room: which peer it
/// rates, whether it is kept, what the student is answered, and the request that follows.
public struct RatingIntake: Sendable, Equatable {
    public var effects: [RatingIntakeEffect]

    public init(effects: [RatingIntakeEffect]) {
        self.effects = effects
    }

    /// One of the rater's assignments in the round, in the order they are asked.
    public struct Assignment: Sendable, Equatable {
        public var subject: String
        /// From 1: the number the request shows.
        public var position: Int
        public var answered: Bool

        public init(subject: String, position: Int, answered: Bool) {
            self.subject = subject
            self.position = position
            self.answered = answered
        }
    }

    /// What the store knows of the rater's round, read before deciding.
    public struct Round: Sendable, Equatable {
        public var rater: String
        public var group: String
        /// The rater's assignments, by position.
        public var assignments: [Assignment]
        /// The subjects the rater has a rating of already.
        public var rated: Set<String>
        /// Roster names by user id; a subject not named here is called by their user id.
        public var names: [String: String]
        /// The subject of the earlier request the reply answers (a Matrix reply), if any.
        public var repliedSubject: String?
        /// Whether a reflection round is open for the rater's group.
        public var reflectionOpen: Bool

        public init(rater: String, group: String, assignments: [Assignment], rated: Set<String>, names: [String: String],
                    repliedSubject: String?, reflectionOpen: Bool) {
            self.rater = rater
            self.group = group
            self.assignments = assignments.sorted { $0.position < $1.position }
            self.rated = rated
            self.names = names
            self.repliedSubject = repliedSubject
            self.reflectionOpen = reflectionOpen
        }
    }

    /// The comment that goes through the patient guard before deciding: a rating's comment
    /// within the limit. A longer one is refused unread.
    public static func commentToGuard(_ reply: RatingParse) -> String? {
        guard case .rating(_, let comment?) = reply, comment.count <= TextKind.comment.limit else { return nil }
        return comment
    }

    /// Whether the reply is for the round: not when it is no rating while a reflection is open
    /// (then it is a reflection), nor when the rater has nobody left to rate.
    public static func takes(_ reply: RatingParse, round: Round) -> Bool {
        !declines(reply, reflectionOpen: round.reflectionOpen) && subject(of: round) != nil
    }

    /// The cheap part of `takes`, known before the rater's assignments are read: a text that is
    /// no rating while a reflection is open is the reflection's.
    public static func declines(_ reply: RatingParse, reflectionOpen: Bool) -> Bool {
        reply == .malformed && reflectionOpen
    }

    /// Nil when the round does not take the reply (`takes`). `guardedComment` is
    /// `commentToGuard(reply)` as the patient guard kept it; `say` speaks the deployment's language.
    public static func decide(_ reply: RatingParse, guardedComment: String?, round: Round, say: Texts) -> RatingIntake? {
        guard takes(reply, round: round), let subject = subject(of: round) else { return nil }
        let name = round.names[subject] ?? subject
        switch reply {
        case .malformed:
            return RatingIntake(effects: [.reply(say.assessment.ratingMalformed(subjectName: name))])
        case .rating(_, let comment?) where comment.count > TextKind.comment.limit:
            return RatingIntake(effects: [.reply(say.textTooLong(.comment, length: comment.count))])
        case .rating(let marks, let written):
            let comment = (written == nil ? nil : guardedComment).flatMap { TextLimits.isBlank($0) ? nil : $0 }
            let replaced = round.rated.contains(subject)
            var effects: [RatingIntakeEffect] = [.save(subject: subject, marks: marks, comment: comment),
                                                 .reply(say.assessment.ratingRecorded(subjectName: name, replaced: replaced))]
            // A changed rating asks for nothing new: the student is where they were.
            if !replaced {
                effects += nextRequest(round, answered: subject, say: say) ?? [.post(say.assessment.assessmentDone())]
            }
            return RatingIntake(effects: effects)
        }
    }

    /// The peer the reply rates: the one the replied-to request named while still assigned
    /// (removed, re-grouped or self-assessment off: no longer), else the first not answered.
    static func subject(of round: Round) -> String? {
        let assigned = Set(round.assignments.map(\.subject))
        if let replied = round.repliedSubject, assigned.contains(replied) { return replied }
        return round.assignments.first { !$0.answered }?.subject
    }

    /// The request for the first peer not answered once `answered` is, and its mark; nil when
    /// the rater has rated everyone.
    public static func nextRequest(_ round: Round, answered: String?, say: Texts) -> [RatingIntakeEffect]? {
        guard let next = round.assignments.first(where: { !$0.answered && $0.subject != answered }) else { return nil }
        let request = say.assessment.assessmentRequest(subjectName: round.names[next.subject] ?? next.subject, subjectUserID: next.subject,
                                                       index: next.position, of: round.assignments.count,
                                                       isSelf: next.subject == round.rater, group: round.group)
        return [.tell(userID: round.rater, request), .markRequested(subject: next.subject)]
    }
}
