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

/// A message the bot means to send: what it says, as a document the runtime renders (plain
/// `body` and `formatted_body`), and its machine-readable marks.
public struct BotMessage: Sendable, Equatable {
    public var kind: MessageKind
    /// What the message says; it reads well in the plain body alone too.
    public var document: MessageDocument
    public var group: String?
    public var session: Int?
    public var error: BotErrorCode?
    /// For `assessment_request`: the user id of the student to rate.
    public var subject: String?
    /// For `assessment_result`: user id → WebPA score with two decimals (`"1.05"`).
    public var scores: [String: String]?

    public init(
        kind: MessageKind, document: MessageDocument, group: String? = nil,
        session: Int? = nil, error: BotErrorCode? = nil, subject: String? = nil,
        scores: [String: String]? = nil
    ) {
        self.kind = kind
        self.document = document
        self.group = group
        self.session = session
        self.error = error
        self.subject = subject
        self.scores = scores
    }

    /// A message of `blocks`.
    public init(
        kind: MessageKind, _ blocks: [MessageBlock], group: String? = nil, session: Int? = nil,
        error: BotErrorCode? = nil, subject: String? = nil, scores: [String: String]? = nil
    ) {
        self.init(kind: kind, document: MessageDocument(blocks), group: group, session: session,
                  error: error, subject: subject, scores: scores)
    }

    /// A message that is its plain body only, sent without formatting: a file's caption.
    public init(kind: MessageKind, caption text: String) {
        self.init(kind: kind, document: MessageDocument([.paragraph([.text(text)])], isFormatted: false))
    }

    /// A message that is one paragraph of plain text, lines kept.
    public init(
        kind: MessageKind, paragraph text: String, group: String? = nil, session: Int? = nil, error: BotErrorCode? = nil
    ) {
        self.init(kind: kind, document: .paragraph(text), group: group, session: session, error: error)
    }
}
