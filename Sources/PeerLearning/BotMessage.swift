/// The `peerbot.kind` mark on every message the bot sends.
public enum MessageKind: String, Sendable, CaseIterable {
    case help, reply, error, welcome, roster
    case groupProposal = "group_proposal"
    case groupsCreated = "groups_created"
    case goals
    case sessionStart = "session_start"
    case facilitatorPrompt = "facilitator_prompt"
    case reflectionPrompt = "reflection_prompt"
    case reflectionAck = "reflection_ack"
    case reminder, summary
    case assessmentRequest = "assessment_request"
    case assessmentResult = "assessment_result"
    case feedback, tasks, status, export, mydata, alert
    case overview, release
    /// A private notice that a patient identifier was masked (and the message redacted).
    case `guard`
    /// The one message `!groups create` edits as its rooms, invites and welcomes go out.
    case progress
    /// An encrypted message could not be read (its room key never came): please send it again.
    case undecryptable
}

/// The `peerbot.error` mark on an error reply.
public enum BotErrorCode: String, Sendable, CaseIterable {
    case forbidden
    case unknownCommand = "unknown_command"
    case badArguments = "bad_arguments"
    case notFound = "not_found"
    case conflict
}

/// A message the bot means to send: plain `body`, optional HTML, and its machine-readable marks.
public struct BotMessage: Sendable, Equatable {
    public var kind: MessageKind
    /// Reads well on its own, for clients that show no HTML.
    public var body: String
    /// `formatted_body` (`org.matrix.custom.html`); every piece of user text in it is escaped.
    public var html: String?
    public var group: String?
    public var session: Int?
    public var error: BotErrorCode?
    /// For `assessment_request`: the user id of the student to rate.
    public var subject: String?
    /// For `assessment_result`: user id → WebPA score with two decimals (`"1.05"`).
    public var scores: [String: String]?
    /// For a message too large for one event: this part's number (from 1) and how many there are.
    public var part: Int?
    public var parts: Int?

    public init(
        kind: MessageKind, body: String, html: String? = nil, group: String? = nil,
        session: Int? = nil, error: BotErrorCode? = nil, subject: String? = nil,
        scores: [String: String]? = nil
    ) {
        self.kind = kind
        self.body = body
        self.html = html
        self.group = group
        self.session = session
        self.error = error
        self.subject = subject
        self.scores = scores
    }

    /// A message that is one paragraph of plain text: its HTML is that text escaped, lines kept.
    public init(
        kind: MessageKind, paragraph text: String, group: String? = nil, session: Int? = nil, error: BotErrorCode? = nil
    ) {
        self.init(kind: kind, body: text, html: HTML.paragraph(text), group: group, session: session, error: error)
    }
}

/// Escaping of text placed in `formatted_body`.
public enum HTML {
    /// Replaces `& < > " '` with entities, so user text can never become markup. It walks UTF-8
    /// bytes, not characters: a prepend or combining mark joins `<` into one grapheme cluster
    /// that would compare unequal to `"<"` and slip through, and the five are single bytes that
    /// never occur inside another scalar's encoding.
    public static func escape(_ s: String) -> String {
        var text = s
        // Most bot text holds none of them: returned as it is, without a copy.
        guard text.utf8.contains(where: isSpecial) else { return text }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var runStart = 0
            for index in bytes.indices where isSpecial(bytes[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                entity(bytes[index]).withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    private static func entity(_ byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }
}
