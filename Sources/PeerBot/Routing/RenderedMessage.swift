import PeerLearning

/// A message as it goes out: the plain `body`, the `formatted_body` HTML, the people it
/// mentions and the `peerbot.*` marks of the `BotMessage` it was rendered from.
public struct RenderedMessage: Sendable, Equatable {
    public var kind: MessageKind
    /// Reads well on its own, for clients that show no HTML.
    public var body: String
    /// `formatted_body` (`org.matrix.custom.html`); every piece of user text in it is escaped.
    public var html: String?
    /// The users the document mentions (its `.mention` pieces), in order.
    public var mentions: [String]
    public var group: String?
    public var session: Int?
    public var error: BotErrorCode?
    public var subject: String?
    public var scores: [String: String]?
    /// For a message too large for one event: this part's number (from 1) and how many there are.
    public var part: Int?
    public var parts: Int?

    public init(
        kind: MessageKind, body: String, html: String? = nil, mentions: [String] = [], group: String? = nil,
        session: Int? = nil, error: BotErrorCode? = nil, subject: String? = nil, scores: [String: String]? = nil
    ) {
        self.kind = kind
        self.body = body
        self.html = html
        self.mentions = mentions
        self.group = group
        self.session = session
        self.error = error
        self.subject = subject
        self.scores = scores
    }
}

extension BotMessage {
    /// This message rendered for Matrix (see `MessageRenderer`).
    public var rendered: RenderedMessage {
        RenderedMessage(kind: kind, body: MessageRenderer.plain(document),
                        html: document.isFormatted ? MessageRenderer.html(document) : nil,
                        mentions: document.mentionedUsers, group: group, session: session, error: error,
                        subject: subject, scores: scores)
    }

    /// The plain body this message renders to.
    public var body: String { MessageRenderer.plain(document) }

    /// The `formatted_body` this message renders to, if it goes out formatted.
    public var html: String? { document.isFormatted ? MessageRenderer.html(document) : nil }
}
