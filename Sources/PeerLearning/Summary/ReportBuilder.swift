/// Builds a longer report's plain body and escaped HTML side by side: ticked lists, quoted
/// reflections with their author, and a block per person that reads on a phone.
struct ReportBuilder {
    private var blocks: [String] = []
    private var html = ""

    /// A bold heading line.
    mutating func heading(_ text: String) {
        blocks.append(text)
        html += "<p><strong>" + HTML.escape(text) + "</strong></p>"
    }

    /// A paragraph of text that may hold user text; lines kept.
    mutating func line(_ text: String) {
        blocks.append(text)
        html += HTML.paragraph(text)
    }

    /// A paragraph of prose and commands; commands are set in code style in HTML.
    mutating func line(_ pieces: [Texts.Piece]) {
        blocks.append(pieces.map(\.plain).joined())
        html += "<p>" + pieces.map(\.html).joined() + "</p>"
    }

    /// "Label: value" with the label bold.
    mutating func labelled(_ label: String, _ value: String) {
        blocks.append(label + ": " + value)
        html += "<p><strong>" + HTML.escape(label) + ":</strong> " + escapedLines(value) + "</p>"
    }

    /// A labelled list whose items carry their own mark (`☐`, `✓`, `•`); a plain bullet is left
    /// to the HTML list itself.
    mutating func items(_ label: String, _ items: [(mark: String, text: String)]) {
        blocks.append(([label + ":"] + items.map { $0.mark + " " + $0.text }).joined(separator: "\n"))
        html += "<p><strong>" + HTML.escape(label) + ":</strong></p><ul>"
            + items.map { "<li>" + escapedLines(($0.mark == "•" ? "" : $0.mark + " ") + $0.text) + "</li>" }.joined()
            + "</ul>"
    }

    /// A lead line and a bulleted list of prose with commands, kept together as one block.
    mutating func bullets(_ lead: String, _ items: [[Texts.Piece]]) {
        blocks.append(([lead] + items.map { "• " + $0.map(\.plain).joined() }).joined(separator: "\n"))
        html += HTML.paragraph(lead) + "<ul>"
            + items.map { "<li>" + $0.map(\.html).joined() + "</li>" }.joined() + "</ul>"
    }

    /// A piece of user writing under its author's name, with a note such as "late, edited".
    mutating func quote(_ text: String, author: String, note: String?) {
        let noteText = note.map { " (" + $0 + ")" } ?? ""
        let quoted = text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        blocks.append(([author + noteText + ":"] + quoted).joined(separator: "\n"))
        html += "<p><strong>" + HTML.escape(author) + "</strong>" + HTML.escape(noteText) + "</p>"
            + "<blockquote>" + escapedLines(text) + "</blockquote>"
    }

    /// One block per person or group, which reads on a phone's narrow screen where a wide table
    /// would split names mid-word: the title bold, then each detail on its own line. The plain
    /// body gets `plainLines` instead when given (one line per card), else the same blocks.
    mutating func cards(_ cards: [(title: String, details: [String])], plainLines: [String]? = nil) {
        blocks.append(plainLines?.joined(separator: "\n")
            ?? cards.map { ([$0.title] + $0.details).joined(separator: "\n") }.joined(separator: "\n\n"))
        html += cards.map { card in
            "<p><strong>" + HTML.escape(card.title) + "</strong>"
                + card.details.map { "<br>" + HTML.escape($0) }.joined() + "</p>"
        }.joined()
    }

    func message(
        _ kind: MessageKind, group: String? = nil, session: Int? = nil, error: BotErrorCode? = nil
    ) -> BotMessage {
        BotMessage(kind: kind, body: blocks.joined(separator: "\n\n"), html: html,
                   group: group, session: session, error: error)
    }

    private func escapedLines(_ text: String) -> String {
        HTML.escape(text).replacingOccurrences(of: "\n", with: "<br>")
    }
}
