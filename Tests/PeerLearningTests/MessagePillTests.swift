import Testing
import PeerLearning

@Test func theAddressedPersonBecomesAPillWithTheirNameEscaped() {
    let message = BotMessage(kind: .facilitatorPrompt, body: "To the facilitator (Ærø <Søren>): check in",
                             html: "<p>To the facilitator (Ærø &lt;Søren&gt;): check in</p>")
    let pilled = message.addressing(userID: "@soren:hs", name: "Ærø <Søren>")
    #expect(pilled.html == "<p>To the facilitator (<a href=\"https://matrix.to/#/@soren:hs\">Ærø &lt;Søren&gt;</a>): check in</p>")
    #expect(pilled.body == message.body, "the plain body keeps the name as written")
}

@Test func onlyTheFirstNameInTextIsPilledNeverInsideCodeOrALink() {
    let html = "<p><code>!feedback Anna</code> <a href=\"x\">Anna</a> Facilitator: Anna, Anna</p>"
    let pilled = BotMessage(kind: .sessionStart, body: "", html: html).addressing(userID: "@anna:hs", name: "Anna")
    #expect(pilled.html == "<p><code>!feedback Anna</code> <a href=\"x\">Anna</a> Facilitator: <a href=\"https://matrix.to/#/@anna:hs\">Anna</a>, Anna</p>")
}

@Test func aMessageWithoutTheNameIsUnchanged() {
    let message = BotMessage(kind: .reminder, body: "Reminder", html: "<p>Reminder</p>")
    #expect(message.addressing(userID: "@anna:hs", name: "Anna") == message)
    #expect(message.addressing(userID: "@anna:hs", name: "") == message)
    #expect(BotMessage(kind: .reminder, body: "x").addressing(userID: "@anna:hs", name: "x").html == nil)
}
