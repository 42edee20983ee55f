/// A kind of free text people give the bot, each with its own longest length.
public enum TextKind: String, Sendable, CaseIterable {
    case reflection, question, task, name, title, goal, brief, feedback, criteria, comment

    /// The longest text of this kind the bot keeps, in characters. Long enough for any honest
    /// use; short enough that a message quoting it stays far below a homeserver's 64 KiB event limit.
    public var limit: Int {
        switch self {
        case .reflection: 8_000
        case .question: 2_000
        case .task: 500
        case .name: 200
        case .title: 200
        case .goal: 1_000
        case .brief: 2_000
        case .feedback: 4_000
        case .criteria: 2_000
        case .comment: 2_000
        }
    }
}

/// Checks of free text before it reaches the store, and how much of it the bot quotes back.
public enum TextLimits {
    /// The most of a person's text (a title, a goal, a task, a name, the criteria, a kept
    /// reflection, …) that a notice or alert quotes back: enough to recognise it, short enough
    /// that a reply stays a reply. Reports made to be read in full (summaries, `!tasks`, the
    /// goals message, forwarded questions and feedback) show the text whole instead.
    public static let quoteCharacters = 300
    /// The most of a word a person mistyped (an unknown command, group or user) an error echoes.
    public static let wordCharacters = 40

    /// The one rule for quoting a person's text in a notice: at most `limit` characters, the
    /// cut marked with "…"; a text that fits is returned as it is.
    public static func quote(_ text: String, limit: Int = quoteCharacters) -> String {
        text.count > limit ? String(text.prefix(max(1, limit))) + "…" : text
    }

    /// True when nothing is left once white space and invisible characters are taken away:
    /// such a text would carry no meaning (and the store refuses empty text).
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || invisible.contains($0.value) }
    }

    /// Zero-width space, joiners, word joiner, byte-order mark and the like.
    private static let invisible: Set<UInt32> = [0x00AD, 0x180E, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    /// The kind of the first text in `command` that is over its limit, and its length.
    public static func oversized(_ command: Command) -> (kind: TextKind, length: Int)? {
        for (kind, text) in texts(of: command) where text.count > kind.limit {
            return (kind, text.count)
        }
        return nil
    }

    /// The free texts a command carries, as its family says.
    static func texts(of command: Command) -> [(TextKind, String)] {
        command.inFamily.texts
    }
}
