import Testing
import PeerBot
import PeerLearning

@Test func theAddressedPersonBecomesAPillWithTheirNameEscaped() {
    let message = BotMessage(kind: .facilitatorPrompt, paragraph: "To the facilitator (Ærø <Søren>): check in")
    #expect(message.html == "<p>To the facilitator (Ærø &lt;Søren&gt;): check in</p>")
    let pilled = message.addressing(userID: "@soren:hs", name: "Ærø <Søren>")
    #expect(pilled.html == "<p>To the facilitator (<a href=\"https://matrix.to/#/@soren:hs\">Ærø &lt;Søren&gt;</a>): check in</p>")
    #expect(pilled.body == message.body, "the plain body keeps the name as written")
}

@Test func onlyTheFirstNameInTextIsPilledNeverInsideCodeOrALink() {
    let message = BotMessage(kind: .sessionStart, [.paragraph([.code("!feedback Anna"), .text(" "), .link(url: "x", text: "Anna"),
                                                               .text(" Facilitator: Anna, Anna")])])
    #expect(message.html == "<p><code>!feedback Anna</code> <a href=\"x\">Anna</a> Facilitator: Anna, Anna</p>")
    let pilled = message.addressing(userID: "@anna:hs", name: "Anna")
    #expect(pilled.html == "<p><code>!feedback Anna</code> <a href=\"x\">Anna</a> Facilitator: <a href=\"https://matrix.to/#/@anna:hs\">Anna</a>, Anna</p>")
}

@Test func aMessageWithoutTheNameIsUnchanged() {
    let message = BotMessage(kind: .reminder, paragraph: "Reminder")
    #expect(message.addressing(userID: "@anna:hs", name: "Anna") == message)
    #expect(message.addressing(userID: "@anna:hs", name: "") == message)
    #expect(BotMessage(kind: .reminder, caption: "x").addressing(userID: "@anna:hs", name: "x").html == nil)
}

@Test func everyRosterNameInTheHTMLBecomesAPillAsAWholeWordOnly() {
    let html = "<p>Facilitator: Anna Hansen. Hansens noter, Bo og Annabelle; <code>Bo</code></p>"
    let people: [UserNames.Known] = [.init(userID: "@anna:hs", name: "Anna Hansen"), .init(userID: "@bo:hs", name: "Bo"),
                                     .init(userID: "@anna2:hs", name: "Anna")]
    let named = RenderedMessage(kind: .summary, body: "plain", html: html).naming(people)
    #expect(named.html == "<p>Facilitator: <a href=\"https://matrix.to/#/@anna:hs\">Anna Hansen</a>. Hansens noter, "
        + "<a href=\"https://matrix.to/#/@bo:hs\">Bo</a> og Annabelle; <code>Bo</code></p>")
    #expect(named.body == "plain", "the plain body keeps the names as written")
}

@Test func aNameTwoPeopleShareStaysTextAndAMessageWithoutHTMLIsUnchanged() {
    let people: [UserNames.Known] = [.init(userID: "@a1:hs", name: "Anna"), .init(userID: "@a2:hs", name: "Anna")]
    let message = RenderedMessage(kind: .summary, body: "Anna", html: "<p>Anna</p>")
    #expect(message.naming(people) == message)
    #expect(RenderedMessage(kind: .reply, body: "Anna").naming([.init(userID: "@a:hs", name: "Anna")]).html == nil)
    let hostile = RenderedMessage(kind: .reply, body: "", html: "<p>A &lt;b&gt;</p>").naming([.init(userID: "@x:hs\"><b>", name: "A <b>")])
    #expect(hostile.html == "<p><a href=\"https://matrix.to/#/@x:hs&quot;&gt;&lt;b&gt;\">A &lt;b&gt;</a></p>")
    let entities = RenderedMessage(kind: .reply, body: "", html: "<p>Bo &amp; Co &#39;x&#39; amp</p>")
        .naming([.init(userID: "@amp:hs", name: "amp"), .init(userID: "@n:hs", name: "39")])
    #expect(entities.html == "<p>Bo &amp; Co &#39;x&#39; <a href=\"https://matrix.to/#/@amp:hs\">amp</a></p>", "an entity was broken")
}

@Test func aRoomLinkEncodesTheRoomIDAsMatrixToAsks() {
    #expect(MatrixLink.roomURL("!abc:example.org") == "https://matrix.to/#/!abc%3Aexample.org")
    #expect(MatrixLink.roomURL("!a/b?c#d") == "https://matrix.to/#/!a%2Fb%3Fc%23d")
    #expect(HTML.roomLink(roomID: "!r:hs", text: "Gruppe <A>") == "<a href=\"https://matrix.to/#/!r%3Ahs\">Gruppe &lt;A&gt;</a>")
}
