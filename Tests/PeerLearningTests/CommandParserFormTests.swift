import Testing
@testable import PeerLearning

@Test(arguments: ["!HELP", "!Help", "!hElP"])
func commandNamesIgnoreCase(_ body: String) {
    #expect(parse(body) == .command(.general(.help(topic: nil))))
}

@Test(arguments: [
    "@peerbot:hs.example !status", "@peerbot:hs.example: !status", "peerbot: !status", "Peerbot, !status",
    "@peerbot !status", "Peer Bot: !status", "peer bot !status", "@Peer Bot: !status", "  @peerbot:hs.example:\n!status",
])
func leadingMentionOfTheBotIsIgnored(_ body: String) {
    #expect(parse(body) == .command(.general(.status)))
}

@Test func mentionOfSomeoneElseIsNotSkipped() {
    #expect(parse("@anna:hs.example !status") == .notCommand)
    #expect(parse("peerbotter: !status") == .notCommand)
}

@Test func customPrefix() {
    #expect(parse("?status", prefix: "?") == .command(.general(.status)))
    #expect(parse("pb status", prefix: "pb ") == .command(.general(.status)))
    #expect(parse("PB STATUS", prefix: "pb ") == .command(.general(.status)))
    #expect(parse("!status", prefix: "?") == .notCommand)
}

@Test func replyFallbackIsStripped() {
    let body = "> <@anna:hs.example> When is the next session?\n> Thanks!\n\n!sessions A"
    #expect(parse(body) == .command(.sessions(.sessions(group: .named("A")))))
}

@Test func quoteWithoutBlankLineIsNotACommand() {
    #expect(parse("> <@anna:hs.example> !status") == .notCommand)
}

@Test func extraWhitespaceAndNewlinesAreTolerated() {
    #expect(parse("  \n!session   plan  A\ttomorrow  14:00 \n 1h  Title ") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .tomorrow(hour: 14, minute: 0), duration: duration("1h"), title: "Title"))))
    #expect(parse("! help") == .command(.general(.help(topic: nil))))
}

@Test func argumentTextKeepsCaseAndNewlines() {
    let body = "!REFLECT What?\n  We missed the ECG.\n\nNow what? Ask EARLY."
    #expect(parse(body) == .command(.reflection(.reflect(text: "What?\n  We missed the ECG.\n\nNow what? Ask EARLY."))))
    #expect(parse("!session plan A +10m 20m ABCDE og NEWS\nmed Bo") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .relative(seconds: 600), duration: duration("20m"), title: "ABCDE og NEWS\nmed Bo"))))
}

@Test(arguments: ["hello", "", "   ", "!", "! ", "!!!", "!?", "!123", "I said !help yesterday",
                  "thanks peerbot", "! what a day", "peerbot: hello"])
func nonCommands(_ body: String) {
    #expect(parse(body) == .notCommand)
}

@Test(arguments: [("!foo", "foo"), ("!hlep me", "hlep"), ("!session", "session"), ("!student list", "student"),
                  ("!Studenten", "Studenten")])
func unknownWords(_ body: String, _ word: String) {
    #expect(parse(body) == .unknown(word: word))
}

@Test func helpForAnUnknownTopicReportsTheTopic() {
    #expect(parse("!help frobnicate <b>") == .unknown(word: "frobnicate <b>"))
}

@Test func quotedNamesAcceptTypographicQuotes() {
    #expect(parse("!student add @a:hs.example “Åse Møller” stil=visuel") == .command(
        .roster(.studentAdd(userID: "@a:hs.example", name: "Åse Møller", attributes: ["stil": ["visuel"]]))))
    #expect(parse("!studerende tilføj @a:hs.example „Åse Møller“ Stil=\"hands on\",visuel") == .command(
        .roster(.studentAdd(userID: "@a:hs.example", name: "Åse Møller", attributes: ["stil": ["hands on", "visuel"]]))))
}

@Test func trailingPunctuationOnTheCommandWordIsIgnored() {
    #expect(parse("!Forstået!") == .command(.participation(.understood)))
    #expect(parse("!status?") == .command(.general(.status)))
    #expect(parse("!question? Why qSOFA?") == .command(.participation(.question(text: "Why qSOFA?"))))
}
