import Testing
import PeerLearning

@Test func feedbackToOneStudentIsQuotedAndEscaped() {
    let message = Texts(.en).feedback.feedbackToStudent(text: "Good <work>\non the case", from: "Vera Vejleder")
    #expect(message.kind == .feedback && message.group == nil)
    #expect(message.body.contains("Feedback from Vera Vejleder:") && message.body.contains("> Good <work>\n> on the case"))
    #expect(message.html?.contains("<blockquote>Good &lt;work&gt;<br>on the case</blockquote>") == true)
    #expect(message.body.contains("for you only"))
}

@Test func feedbackToAGroupNamesTheGroup() {
    let named = Texts(.da).feedback.feedbackToGroup(text: "Well done", group: "B", from: "Vera")
    #expect(named.kind == .feedback && named.group == "B" && named.body.contains("Feedback til gruppe B fra Vera:"))
    let unnamed = Texts(.en).feedback.feedbackToGroup(text: "Well done", group: "B")
    #expect(unnamed.body.contains("from your supervisor") && unnamed.body.contains("> Well done"))
    let sent = Texts(.en).feedback.feedbackSent(to: "Anna & Bo")
    #expect(sent.kind == .reply && sent.body == "Your feedback was sent to Anna & Bo.")
    #expect(sent.html?.contains("Anna &amp; Bo") == true)
}
