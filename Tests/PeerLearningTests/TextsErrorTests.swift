import Testing
import PeerLearning

@Test func unknownCommandNamesHelpWithThePrefix() {
    let english = Texts(.en, prefix: "?").unknownCommand(word: "foo")
    #expect(english.kind == .error && english.error == .unknownCommand)
    #expect(english.body.contains("?foo") && english.body.contains("?help"))
    let danish = Texts(.da, prefix: "!").unknownCommand(word: "foo")
    #expect(danish.body.contains("Ukendt kommando") && danish.body.contains("!hjælp") && danish.body.contains("!help"))
}

@Test func unknownWordIsEscapedInHTML() {
    let message = Texts(.en, prefix: "!").unknownCommand(word: "<img src=x onerror='a()'>&")
    let html = message.html ?? ""
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;"))
    #expect(message.body.contains("<img src=x"))
}

@Test func forbiddenSaysWhoMayAndThatNothingChanged() {
    let english = Texts(.en).forbidden(.sessionPlan)
    #expect(english.error == .forbidden && english.kind == .error)
    #expect(english.body == "Only supervisors can use !session plan. Nothing was changed.")
    let danish = Texts(.da).forbidden(.reflect)
    #expect(danish.body == "Kun studerende på holdlisten kan bruge !refleksion. Intet er ændret.")
}

@Test func badArgumentsGivesTheUsageLine() {
    let message = Texts(.da, prefix: "!").badArguments(.sessionPlan)
    #expect(message.error == .badArguments)
    #expect(message.body.contains("!session planlæg [<gruppe>|alle] <tidspunkt> <varighed> <titel>"))
    #expect(message.body.contains("i morgen TT:MM"))
    let english = Texts(.en, prefix: "!").badArguments(.taskDone)
    #expect(english.body.hasSuffix("Usage: !task done <#id>"))
}

@Test func notAvailableYetIsAConflict() {
    let message = Texts(.da).notAvailableYet(.export)
    #expect(message.kind == .error && message.error == .conflict)
    #expect(message.body.contains("!eksport"))
}

@Test func languageChangeIsConfirmedInTheNewLanguage() {
    #expect(Texts(.en).languageChanged().body == "The language of this room is now English.")
    #expect(Texts(.da).languageChanged().body == "Sproget i dette rum er nu dansk.")
    #expect(Texts(.da).languageChanged().kind == .reply)
}

@Test func htmlEscapeCoversAllFiveCharacters() {
    #expect(HTML.escape(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    #expect(HTML.escape("æøå ✅") == "æøå ✅")
}

@Test func markValuesMatchTheContract() {
    let kinds = ["help", "reply", "error", "welcome", "roster", "group_proposal", "groups_created", "goals",
                 "session_start", "facilitator_prompt", "reflection_prompt", "reflection_ack", "reminder", "summary",
                 "assessment_request", "assessment_result", "feedback", "tasks", "status", "export", "mydata", "alert",
                 "overview", "release", "guard", "progress", "undecryptable"]
    #expect(MessageKind.allCases.map(\.rawValue) == kinds)
    #expect(BotErrorCode.allCases.map(\.rawValue) == ["forbidden", "unknown_command", "bad_arguments", "not_found", "conflict"])
}

@Test(arguments: ["\u{2705}", "\u{2714}\u{FE0F}", "\u{2714}", "\u{1F44D}", "\u{1F44D}\u{1F3FD}"])
func confirmingReactions(_ key: String) {
    #expect(ConfirmationReaction.isConfirmation(key))
}

@Test(arguments: ["\u{274C}", "\u{1F44E}", "ok", "", "\u{2705}\u{2705}"])
func otherReactionsDoNotConfirm(_ key: String) {
    #expect(!ConfirmationReaction.isConfirmation(key))
}

@Test func refusalsSetTheCommandInCodeWithTheConfiguredPrefixEscaped() {
    let forbidden = Texts(.en, prefix: "<!>").forbidden(.sessionPlan)
    #expect(forbidden.html == "<p>Only supervisors can use <code>&lt;!&gt;session plan</code>. Nothing was changed.</p>")
    #expect(forbidden.body == "Only supervisors can use <!>session plan. Nothing was changed.")
    let danish = Texts(.da).notAvailableYet(.sessionPlan)
    #expect(danish.html == "<p><code>!session planlæg</code> virker ikke endnu. Intet er ændret.</p>")
    #expect(danish.body == "!session planlæg virker ikke endnu. Intet er ændret.")
    #expect(danish.error == .conflict && danish.kind == .error)
}
