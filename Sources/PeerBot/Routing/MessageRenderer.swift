import PeerLearning

/// Renders a `MessageDocument` as Matrix shows it: a plain body that reads well alone, and
/// HTML in which every piece of text is escaped (`HTML.escape`), so a user's words never
/// become markup whatever they hold.
public enum MessageRenderer {
    /// The plain body: blocks set apart by a blank line, lists one item a line with their marks.
    public static func plain(_ document: MessageDocument) -> String {
        document.blocks.map(plain).joined(separator: "\n\n")
    }

    /// The `formatted_body`.
    public static func html(_ document: MessageDocument) -> String {
        var output = ""
        for block in document.blocks { html(block, into: &output) }
        return output
    }

    static func plain(_ block: MessageBlock) -> String {
        switch block {
        case let .paragraph(inlines), let .heading(inlines):
            return plain(inlines)
        case let .list(list):
            let indent = String(repeating: " ", count: list.indent)
            return list.items.enumerated().map { index, item in
                indent + (item.mark.map { $0 + " " } ?? marker(list.style, index)) + plain(item.content)
            }.joined(separator: "\n")
        case let .quote(text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        case let .group(blocks):
            // An empty list adds no line: a label over no items reads as the label alone.
            return blocks.filter { if case let .list(list) = $0 { !list.items.isEmpty } else { true } }
                .map(plain).joined(separator: "\n")
        case let .variants(text, _):
            return text
        }
    }

    private static func marker(_ style: MessageList.Style, _ index: Int) -> String {
        switch style {
        case .bulleted: "• "
        case .numbered: "\(index + 1). "
        case .unmarked: ""
        }
    }

    static func plain(_ inlines: [MessageInline]) -> String {
        var output = ""
        for inline in inlines {
            switch inline {
            case let .text(text), let .code(text), let .mention(_, text), let .link(_, text), let .roomLink(_, text),
                 let .variants(text, _):
                output += text
            case let .strong(inner), let .emphasis(inner):
                output += plain(inner)
            }
        }
        return output
    }

    static func html(_ block: MessageBlock, into output: inout String) {
        switch block {
        case let .paragraph(inlines):
            output += "<p>"
            html(inlines, into: &output)
            output += "</p>"
        case let .heading(inlines):
            output += "<h4>"
            html(inlines, into: &output)
            output += "</h4>"
        case let .list(list):
            let tag = list.style == .numbered ? "ol" : "ul"
            output += "<\(tag)>"
            for item in list.items {
                output += "<li>"
                if let mark = item.mark { output += lines(mark + " ") }
                html(item.content, into: &output)
                output += "</li>"
            }
            output += "</\(tag)>"
        case let .quote(text):
            output += "<blockquote>" + lines(text) + "</blockquote>"
        case let .group(blocks), let .variants(_, blocks):
            for block in blocks { html(block, into: &output) }
        }
    }

    static func html(_ inlines: [MessageInline], into output: inout String) {
        for inline in inlines {
            switch inline {
            case let .text(text): output += lines(text)
            case let .strong(inner):
                output += "<strong>"
                html(inner, into: &output)
                output += "</strong>"
            case let .emphasis(inner):
                output += "<em>"
                html(inner, into: &output)
                output += "</em>"
            case let .code(text): output += HTML.code(text)
            case let .mention(userID, name): output += HTML.pill(userID: userID, name: name)
            case let .link(url, text): output += "<a href=\"" + HTML.escape(url) + "\">" + HTML.escape(text) + "</a>"
            case let .roomLink(roomID, text): output += HTML.roomLink(roomID: roomID, text: text)
            case let .variants(_, formatted): html(formatted, into: &output)
            }
        }
    }

    /// Text escaped, its line breaks kept as `<br>`.
    static func lines(_ text: String) -> String {
        let escaped = HTML.escape(text)
        // Bytes, not `contains("\n")`: Foundation's substring search cost more than the rest of the rendering.
        return escaped.utf8.contains(UInt8(ascii: "\n")) ? escaped.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>") : escaped
    }
}
