import Testing
@testable import PeerLearning

/// The reply quote and the leading mention are skipped exactly as the plain reading does, for
/// every spelling a client or a hostile sender may use: the quick first-byte checks decide
/// nothing the full comparison would decide otherwise.
@Suite struct CommandParserPreamble {
    /// The reading without any quick check: every name compared in full, the body always split.
    static func referenceMention(_ text: String, botUserID: String, botDisplayName: String?) -> String {
        let trimmed = String(text.drop(while: \.isWhitespace))
        let localpart = MatrixUserID.localpart(of: botUserID)
        var names = [botUserID, "@" + localpart, localpart]
        if let display = botDisplayName?.trimmingWhitespace(), !display.isEmpty { names += [display, "@" + display] }
        for name in names.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            guard trimmed.count >= name.count else { continue }
            let head = trimmed.prefix(name.count)
            guard head.lowercased() == name.lowercased() else { continue }
            var rest = trimmed.dropFirst(name.count)
            guard rest.isEmpty || rest.first!.isWhitespace || rest.first == ":" || rest.first == "," else { continue }
            if rest.first == ":" || rest.first == "," { rest = rest.dropFirst() }
            return String(rest.drop(while: \.isWhitespace))
        }
        return trimmed
    }

    static func referenceFallback(_ body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix(">") else { return body }
        var rest = lines.drop(while: { $0.hasPrefix(">") })
        guard let blank = rest.first, blank.allSatisfy(\.isWhitespace) else { return body }
        rest = rest.dropFirst()
        return rest.joined(separator: "\n")
    }

    static let heads = [
        "", " ", "\n\t ", "!", "!!", "?", "@", "@peerbot", "@PEERBOT:HS.EXAMPLE", "peerbot", "PeerBot,", "Peer Bot:", "peer bot",
        "@Peer Bot", "\u{212A}", "İ", "ı", "p\u{0301}eerbot", "P\u{0308}", "!\u{0301}", "@\u{0301}peerbot", "\r\n", "\r", "\u{00A0}",
        "\u{2003}", "ſ", "ﬀ", "😀", "\u{0600}!", ">", "> ", "> <@anna:hs> hej\n\n", ">\u{0301}", "\u{FEFF}", "\u{0}", "peerbotter",
        "@peerbot:hs.example:", "@peerbot:hs.exampl", "Ｐeerbot",
    ]
    static let tails = ["", "!help", " !status", ": !reflect lærte", ",!reflect", "\n\n!sessions A", "x", "\u{0301}!help", "😀"]
    static let bots: [(id: String, display: String?)] = [
        ("@peerbot:hs.example", "Peer Bot"), ("@peerbot:hs.example", nil), ("@\u{212A}bot:hs", nil), ("@!bang:hs", "!Bang"),
        ("@x:hs", "İris"), ("@:hs", ""), ("@p\u{0301}b:hs", " \u{0301}Pb "),
    ]

    @Test func mentionIsSkippedAsTheFullComparisonSkipsIt() {
        for bot in Self.bots {
            for head in Self.heads {
                for tail in Self.tails {
                    let text = head + tail
                    let fast = CommandParser.stripMention(from: text, botUserID: bot.id, botDisplayName: bot.display)
                    let reference = Self.referenceMention(text, botUserID: bot.id, botDisplayName: bot.display)
                    #expect(fast == reference, "\(bot.id) \(Array(text.unicodeScalars))")
                }
            }
        }
    }

    @Test func replyQuoteIsDroppedAsTheFullReadingDropsIt() {
        for head in Self.heads {
            for tail in Self.tails {
                let body = head + tail
                #expect(CommandParser.stripReplyFallback(body) == Self.referenceFallback(body), "\(Array(body.unicodeScalars))")
            }
        }
        let long = String(repeating: "> citat\n", count: 5_000) + "\n" + String(repeating: "!reflect næste ", count: 5_000)
        #expect(CommandParser.stripReplyFallback(long) == Self.referenceFallback(long))
    }

    @Test func prefixIsDroppedOnlyWhenTheTextIsLongEnough() {
        #expect("!".droppingPrefix("!help", caseInsensitive: true) == nil)
        #expect("!HELP me".droppingPrefix("!help", caseInsensitive: true) == " me")
        #expect("!help".droppingPrefix("!help", caseInsensitive: false) == "")
        #expect("e\u{0301}x".droppingPrefix("e", caseInsensitive: false) == nil)
        #expect(String(repeating: "ø", count: 100_000).droppingPrefix("øø", caseInsensitive: true)?.count == 99_998)
    }

    @Test func everyPhraseOfEveryCommandIsFoundByItsFirstWord() {
        for entry in CommandParser.phraseTable {
            var cursor = ArgumentCursor(Substring(entry.words.joined(separator: " ") + " tail"))
            let name = CommandParser.matchName(&cursor)
            // A shorter phrase never wins over the longer one that starts the same way.
            let longest = CommandParser.phraseTable.first { candidate in
                candidate.words.count <= entry.words.count && Array(entry.words.prefix(candidate.words.count)) == candidate.words
            }
            #expect(name == longest?.name, "\(entry.words)")
            if name == entry.name { #expect(cursor.next() == "tail") }
        }
        var unknown = ArgumentCursor("hlep me")
        #expect(CommandParser.matchName(&unknown) == nil)
        #expect(unknown.peek() == "hlep")
    }
}
