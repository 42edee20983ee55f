import Foundation

/// What a student's text in their own direct room is, decided from what the router knows.
public enum DirectTextKind: Sendable, Equatable {
    case command, rating, reflection
    /// An answer to the bot's feedback: forwarded to the supervisors, not stored.
    case feedbackAnswer
    case other
}

/// The facts about one direct-room text that decide its kind.
public struct DirectTextFacts: Sendable, Equatable {
    /// The text parses as a command (with the room's prefix).
    public var isCommand: Bool
    /// A peer assessment waits for this student's rating.
    public var ratingOpen: Bool
    /// A reflection round this student may still answer is open.
    public var reflectionOpen: Bool
    /// The text is a Matrix reply (`m.in_reply_to`) to an event the bot sent as feedback.
    public var repliesToFeedback: Bool
    /// How long after the bot's last message in this room the text was sent, when that
    /// message was feedback; nil when the last message was something else (or there is none).
    public var sinceFeedback: TimeInterval?

    public init(isCommand: Bool = false, ratingOpen: Bool = false, reflectionOpen: Bool = false,
                repliesToFeedback: Bool = false, sinceFeedback: TimeInterval? = nil) {
        self.isCommand = isCommand
        self.ratingOpen = ratingOpen
        self.reflectionOpen = reflectionOpen
        self.repliesToFeedback = repliesToFeedback
        self.sinceFeedback = sinceFeedback
    }
}

extension DirectTextKind {
    /// How long after feedback a plain message still counts as its answer. A day covers a
    /// student who reads the feedback at the end of a shift and answers the next morning.
    public static let feedbackAnswerWindow: TimeInterval = 24 * 3600

    /// The kind, in order of precedence: a command stays a command and a rating a rating; an
    /// explicit reply to feedback is an answer even while a reflection is open; otherwise an
    /// open reflection takes the text, and only then does a message right after feedback answer it.
    public static func classify(_ facts: DirectTextFacts) -> DirectTextKind {
        if facts.isCommand { return .command }
        if facts.ratingOpen { return .rating }
        if facts.repliesToFeedback { return .feedbackAnswer }
        if facts.reflectionOpen { return .reflection }
        if let since = facts.sinceFeedback, since >= 0, since <= feedbackAnswerWindow { return .feedbackAnswer }
        return .other
    }
}
