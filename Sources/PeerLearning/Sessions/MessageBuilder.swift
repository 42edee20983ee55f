/// Builds a message's plain body and its escaped HTML side by side, block by block.
struct MessageBuilder {
    private var blocks: [String] = []
    private var html = ""

    /// A paragraph of prose and commands; commands are set in code style in HTML.
    mutating func line(_ pieces: [Texts.Piece]) {
        blocks.append(pieces.map(\.plain).joined())
        html += "<p>" + pieces.map(\.html).joined() + "</p>"
    }

    /// A paragraph of plain text (which may hold user text).
    mutating func line(_ text: String) {
        blocks.append(text)
        html += HTML.paragraph(text)
    }

    /// A bold heading line.
    mutating func heading(_ text: String) {
        blocks.append(text)
        html += "<p><strong>" + HTML.escape(text) + "</strong></p>"
    }

    /// "Label: value" with the label bold.
    mutating func labelled(_ label: String, _ value: String) {
        blocks.append(label + ": " + value)
        html += "<p><strong>" + HTML.escape(label) + ":</strong> "
            + HTML.escape(value).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
    }

    /// User text set apart as a quotation (`<blockquote>`), lines kept.
    mutating func quotation(_ text: String) {
        blocks.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
            .joined(separator: "\n"))
        html += "<blockquote>" + HTML.escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</blockquote>"
    }

    /// A labelled list; bullets in the body, `<ul>` or `<ol>` in HTML.
    mutating func list(_ label: String, _ items: [String], numbered: Bool = false) {
        let bullets = items.enumerated().map { index, item in (numbered ? "\(index + 1). " : "• ") + item }
        blocks.append(([label + ":"] + bullets).joined(separator: "\n"))
        let tag = numbered ? "ol" : "ul"
        html += "<p><strong>" + HTML.escape(label) + ":</strong></p><\(tag)>"
            + items.map { "<li>" + HTML.escape($0) + "</li>" }.joined() + "</\(tag)>"
    }

    func message(
        _ kind: MessageKind, group: String? = nil, session: Int? = nil, error: BotErrorCode? = nil
    ) -> BotMessage {
        BotMessage(kind: kind, body: blocks.joined(separator: "\n\n"), html: html,
                   group: group, session: session, error: error)
    }
}
