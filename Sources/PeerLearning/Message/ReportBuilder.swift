/// Builds a longer report's document: ticked lists, quoted reflections with their author, and
/// a block per person that reads on a phone.
struct ReportBuilder {
    private var blocks: [MessageBlock] = []

    /// A bold heading line.
    mutating func heading(_ text: String) {
        blocks.append(.paragraph([.strong(text)]))
    }

    /// A paragraph of text that may hold user text; lines kept.
    mutating func line(_ text: String) {
        blocks.append(.paragraph([.text(text)]))
    }

    /// A paragraph of prose and commands; commands are set in code style.
    mutating func line(_ pieces: [MessageInline]) {
        blocks.append(.paragraph(pieces))
    }

    /// "Label: value" with the label bold.
    mutating func labelled(_ label: String, _ value: String) {
        blocks.append(.paragraph([.strong(label + ":"), .text(" " + value)]))
    }

    /// A labelled list whose items carry their own mark (`☐`, `✓`, `•`); a plain bullet is left
    /// to the formatted list itself.
    mutating func items(_ label: String, _ items: [(mark: String, text: String)]) {
        let entries = items.map { MessageList.Item([.text($0.text)], mark: $0.mark == "•" ? nil : $0.mark) }
        blocks.append(.group([.paragraph([.strong(label + ":")]), .list(MessageList(.bulleted, items: entries))]))
    }

    /// A lead line and a bulleted list of prose with commands, kept together as one block.
    mutating func bullets(_ lead: String, _ items: [[MessageInline]]) {
        blocks.append(.group([.paragraph([.text(lead)]), .list(MessageList(.bulleted, items: items.map { .init($0) }))]))
    }

    /// A piece of user writing under its author's name, with a note such as "late, edited".
    mutating func quote(_ text: String, author: String, note: String?) {
        let noteText = note.map { " (" + $0 + ")" } ?? ""
        blocks.append(.group([.paragraph([.strong(author), .text(noteText), .plainOnly(":")]), .quote(text)]))
    }

    /// One block per person or group, which reads on a phone's narrow screen where a wide table
    /// would split names mid-word: the title bold, then each detail on its own line. The plain
    /// body gets `plainLines` instead when given (one line per card), else the same blocks.
    mutating func cards(_ cards: [(title: String, details: [String])], plainLines: [String]? = nil) {
        let formatted = cards.map { card in [MessageInline.strong(card.title)] + card.details.map { .text("\n" + $0) } }
        guard !formatted.isEmpty else { return blocks.append(.group([])) }
        guard let plainLines else { return blocks += formatted.map { .paragraph($0) } }
        // One line per card in the plain body; a line for each card, so the two stay in step.
        let lines = plainLines + Array(repeating: "", count: max(0, formatted.count - plainLines.count))
        blocks.append(.group(zip(formatted, lines).map { .paragraph([.variants(plain: $1, formatted: $0)]) }))
    }

    func message(
        _ kind: MessageKind, group: String? = nil, session: Int? = nil, error: BotErrorCode? = nil
    ) -> BotMessage {
        BotMessage(kind: kind, blocks, group: group, session: session, error: error)
    }
}
