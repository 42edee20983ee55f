import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A message's document as Matrix gets it: the plain body, the escaped HTML, the pills and the
/// `m.mentions` of the people it asks to act.
@Suite struct MessageRendering {
    static let hostile = #"<script>alert("x")</script> & 'y'"#
    static let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"

    @Test func hostileTextIsEscapedInEveryKindOfPiece() {
        let h = Self.hostile
        let pieces: [MessageInline] = [
            .text(h), .strong(h), .emphasis([.text(h)]), .code(h), .mention(userID: "@x:hs\"><b>", name: h),
            .link(url: "https://e.org/\"><script>", text: h), .roomLink(roomID: "!r:hs\"<", text: h),
            .variants(plain: h, formatted: [.text(h)]),
        ]
        for piece in pieces {
            let message = BotMessage(kind: .reply, [.paragraph([piece])])
            let html = message.html ?? ""
            #expect(!html.contains("<script>") && !html.contains("\"><") && !html.contains("<b>"), "\(piece)")
            #expect(html.contains(Self.escaped), "\(piece)")
            #expect(message.body == h, "the plain body keeps the text as written: \(piece)")
        }
    }

    @Test func hostileTextIsEscapedInEveryKindOfBlock() {
        let h = Self.hostile
        let blocks: [MessageBlock] = [
            .heading([.text(h)]), .quote(h), .list(MessageList(texts: [h])),
            .list(MessageList(items: [.init([.text("ok")], mark: h)])), .group([.paragraph([.text(h)])]),
        ]
        for block in blocks {
            let html = BotMessage(kind: .reply, [block]).html ?? ""
            #expect(!html.contains("<script>") && html.contains(Self.escaped), "\(block)")
        }
    }

    @Test func eachPieceHasItsMarkupAndLinesAreKept() {
        let message = BotMessage(kind: .reply, [
            .heading([.text("Plan")]),
            .paragraph([.strong("Next:"), .text(" A\nB "), .emphasis([.text("soon")]), .text(" "), .code("!status"), .text(" "),
                        .link(url: "https://e.org/?a=1&b=2", text: "site"), .text(" "), .roomLink(roomID: "!r:hs", text: "Group A"),
                        .variants(plain: " (see above)", formatted: [.text(" ·")])]),
            .quote("one\ntwo"),
        ])
        #expect(message.html == "<h4>Plan</h4><p><strong>Next:</strong> A<br>B <em>soon</em> <code>!status</code> "
            + "<a href=\"https://e.org/?a=1&amp;b=2\">site</a> <a href=\"https://matrix.to/#/!r%3Ahs\">Group A</a> ·</p>"
            + "<blockquote>one<br>two</blockquote>")
        #expect(message.body == "Plan\n\nNext: A\nB soon !status site Group A (see above)\n\n> one\n> two")
    }

    @Test func listsAreMarkedByStyleOrByTheirItemsOwnMark() {
        let items = ["first", "second"]
        let bulleted = BotMessage(kind: .reply, [.group([.paragraph([.strong("Tasks:")]), .list(MessageList(texts: items))])])
        #expect(bulleted.body == "Tasks:\n• first\n• second")
        #expect(bulleted.html == "<p><strong>Tasks:</strong></p><ul><li>first</li><li>second</li></ul>")
        let numbered = BotMessage(kind: .reply, [.list(MessageList(.numbered, texts: items))])
        #expect(numbered.body == "1. first\n2. second")
        #expect(numbered.html == "<ol><li>first</li><li>second</li></ol>")
        let unmarked = BotMessage(kind: .reply, [.list(MessageList(.unmarked, texts: items, indent: 2))])
        #expect(unmarked.body == "  first\n  second")
        #expect(unmarked.html == "<ul><li>first</li><li>second</li></ul>")
        let ticked = BotMessage(kind: .reply, [.list(MessageList(items: [.init([.text("done")], mark: "✓"), .init([.text("open")])]))])
        #expect(ticked.body == "✓ done\n• open")
        #expect(ticked.html == "<ul><li>✓ done</li><li>open</li></ul>")
        let none = BotMessage(kind: .reply, [.group([.paragraph([.strong("Tasks:")]), .list(MessageList(texts: []))])])
        #expect(none.body == "Tasks:", "an empty list adds no line")
        #expect(none.html == "<p><strong>Tasks:</strong></p><ul></ul>")
    }

    @Test func aMentionIsAPillAndMentionsThePersonWhereTheKindAsksToAct() throws {
        let message = BotMessage(kind: .facilitatorPrompt, paragraph: "Anna <A>, you facilitate today.")
            .addressing(userID: "@anna:hs", name: "Anna <A>")
        #expect(message.html == "<p><a href=\"https://matrix.to/#/@anna:hs\">Anna &lt;A&gt;</a>, you facilitate today.</p>")
        #expect(message.body == "Anna <A>, you facilitate today.")
        let content = message.content()
        #expect(content["msgtype"] == "m.text")
        #expect(content["m.mentions"]?["user_ids"] == ["@anna:hs"])
        // An answer to a command names no one, pill or not: a notice without `m.mentions`.
        let answer = message.content(inReplyTo: "$e")
        #expect(answer["msgtype"] == "m.notice" && answer["m.mentions"] == nil)
        // A kind that asks no one to act stays a quiet notice.
        let reply = BotMessage(kind: .reply, [.paragraph([.mention(userID: "@bo:hs", name: "Bo")])]).content()
        #expect(reply["msgtype"] == "m.notice" && reply["m.mentions"] == nil)
        // Mentioned once, however often named.
        let twice = BotMessage(kind: .alert, [.paragraph([.mention(userID: "@bo:hs", name: "Bo"), .mention(userID: "@bo:hs", name: "Bo")])])
        #expect(twice.content(mention: "@bo:hs")["m.mentions"]?["user_ids"] == ["@bo:hs"])
    }

    @Test func addressingSkipsCodeAndLinksAndLeavesAMessageWithoutTheNameAlone() {
        let message = BotMessage(kind: .sessionStart, [.list(MessageList(texts: ["Facilitator: Anna"])), .quote("Anna")])
        let addressed = message.addressing(userID: "@anna:hs", name: "Anna")
        #expect(addressed.html == "<ul><li>Facilitator: <a href=\"https://matrix.to/#/@anna:hs\">Anna</a></li></ul><blockquote>Anna</blockquote>")
        let coded = BotMessage(kind: .sessionStart, [.paragraph([.code("Anna")])])
        #expect(coded.addressing(userID: "@anna:hs", name: "Anna") == coded)
    }

    @Test func anEmptyDocumentIsAnEmptyMessage() {
        let empty = BotMessage(kind: .reply, document: MessageDocument())
        #expect(empty.body == "" && empty.html == "")
        #expect(empty.content()["body"] == "")
        #expect(BotMessage(kind: .reply, [.paragraph([])]).html == "<p></p>")
    }

    @Test func aCaptionGoesOutWithoutHTML() {
        let caption = BotMessage(kind: .export, caption: "reflections <A>.csv")
        #expect(caption.html == nil && caption.body == "reflections <A>.csv")
        #expect(caption.content()["formatted_body"] == nil)
    }

    @Test func aHugeDocumentGoesOutInPartsThatEachFitAndLoseNothing() throws {
        let database = try AppDatabase.inMemory()
        let reflection = String(repeating: "Vi talte om <sår> & \"hygiejne\". ", count: 60)
        let blocks: [MessageBlock] = (1...40).map { .group([.paragraph([.strong("Student \($0)")]), .quote(reflection)]) }
        let message = BotMessage(kind: .summary, blocks, group: "A")
        #expect(message.body.utf8.count > MessageBudget.eventBytes)
        try database.write { try $0.enqueue(message, to: "!sup:hs") }
        let parts = try database.outbox.pending(limit: 100).compactMap { item -> JSONValue? in
            guard case .send(_, _, let json) = item.action else { return nil }
            return JSONValue.parse(json)
        }
        #expect(parts.count >= 2)
        for part in parts {
            #expect(part.jsonString().utf8.count <= MessageBudget.contentBytes)
            let html = part["formatted_body"]?.stringValue ?? ""
            #expect(!html.contains("<sår>") && html.contains("&lt;sår&gt;"), "every part escapes the text")
        }
        let text = parts.compactMap { $0["body"]?.stringValue }.map { $0.drop { $0 != " " }.dropFirst() }.joined(separator: "\n")
        #expect(text.replacingOccurrences(of: "\n", with: "") == message.body.replacingOccurrences(of: "\n", with: ""))
    }
}
