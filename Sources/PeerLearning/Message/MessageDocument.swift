/// What a message says, as structure: paragraphs, headings, lists and quotations of inline
/// pieces. It holds no markup; the runtime renders it as a plain body and as HTML, escaping
/// every piece of text on the way, so no text of a user can become markup.
public struct MessageDocument: Sendable, Equatable {
    /// In reading order. In the plain body, blocks are set apart by a blank line.
    public var blocks: [MessageBlock]
    /// Whether the message also goes out formatted (`formatted_body`); a file's caption does not.
    public var isFormatted: Bool

    public init(_ blocks: [MessageBlock] = [], isFormatted: Bool = true) {
        self.blocks = blocks
        self.isFormatted = isFormatted
    }

    /// One paragraph of plain text, lines kept.
    public static func paragraph(_ text: String) -> MessageDocument {
        MessageDocument([.paragraph([.text(text)])])
    }

    /// Every user the document mentions, in order, each once: the people it asks to act.
    public var mentionedUsers: [String] {
        var seen = Set<String>()
        return blocks.flatMap(\.mentionedUsers).filter { seen.insert($0).inserted }
    }
}

/// A block of a message.
public indirect enum MessageBlock: Sendable, Equatable {
    /// A paragraph; a line break inside its text stays one.
    case paragraph([MessageInline])
    /// The title of a part of the message.
    case heading([MessageInline])
    /// Items one after another, marked as the list says.
    case list(MessageList)
    /// Someone's writing set apart as a quotation, lines kept.
    case quote(String)
    /// Blocks that read as one: in the plain body each starts on its own line, with no blank
    /// line between them.
    case group([MessageBlock])
    /// What the plain body says in place of blocks whose formatting it lacks (a quotation
    /// set in quotation marks instead of apart).
    case variants(plain: String, formatted: [MessageBlock])

    var mentionedUsers: [String] {
        switch self {
        case let .paragraph(inlines), let .heading(inlines): inlines.flatMap(\.mentionedUsers)
        case let .list(list): list.items.flatMap { $0.content.flatMap(\.mentionedUsers) }
        case .quote: []
        case let .group(blocks), let .variants(_, blocks): blocks.flatMap(\.mentionedUsers)
        }
    }
}

/// A bulleted, numbered or unmarked list.
public struct MessageList: Sendable, Equatable {
    /// How items are marked: by bullets, by numbers from 1, or not at all in the plain body (a
    /// formatted list always shows as a list).
    public enum Style: Sendable, Equatable {
        case bulleted, numbered, unmarked
    }

    /// One item: its content, and a mark of its own (`☐`, `✓`) shown instead of the list's.
    public struct Item: Sendable, Equatable {
        public var content: [MessageInline]
        public var mark: String?

        public init(_ content: [MessageInline], mark: String? = nil) {
            self.content = content
            self.mark = mark
        }
    }

    public var style: Style
    public var items: [Item]
    /// Spaces before each item in the plain body, for a list that belongs to the line above it.
    public var indent: Int

    public init(_ style: Style = .bulleted, items: [Item], indent: Int = 0) {
        self.style = style
        self.items = items
        self.indent = indent
    }

    /// Items that are plain text each.
    public init(_ style: Style = .bulleted, texts: [String], indent: Int = 0) {
        self.init(style, items: texts.map { Item([.text($0)]) }, indent: indent)
    }
}
