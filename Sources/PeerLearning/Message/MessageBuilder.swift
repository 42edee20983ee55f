/// Builds a message's document block by block: paragraphs, headings, labelled values, lists
/// and quotations.
struct MessageBuilder {
    private(set) var blocks: [MessageBlock] = []

    /// A paragraph of prose and commands; commands are set in code style.
    mutating func line(_ pieces: [MessageInline]) {
        blocks.append(.paragraph(pieces))
    }

    /// A paragraph of plain text (which may hold user text), lines kept.
    mutating func line(_ text: String) {
        blocks.append(.paragraph([.text(text)]))
    }

    /// A bold heading line.
    mutating func heading(_ text: String) {
        blocks.append(.paragraph([.strong(text)]))
    }

    /// "Label: value" with the label bold.
    mutating func labelled(_ label: String, _ value: String) {
        blocks.append(.paragraph([.strong(label + ":"), .text(" " + value)]))
    }

    /// User text set apart as a quotation, lines kept.
    mutating func quotation(_ text: String) {
        blocks.append(.quote(text))
    }

    /// A labelled list, bulleted or numbered.
    mutating func list(_ label: String, _ items: [String], numbered: Bool = false) {
        blocks.append(.group([.paragraph([.strong(label + ":")]),
                              .list(MessageList(numbered ? .numbered : .bulleted, texts: items))]))
    }

    func message(
        _ kind: MessageKind, group: String? = nil, session: Int? = nil, error: BotErrorCode? = nil
    ) -> BotMessage {
        BotMessage(kind: kind, blocks, group: group, session: session, error: error)
    }
}
