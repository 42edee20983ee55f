import Foundation
import Testing
import PeerLearning

@Test func aCommandStaysACommandWhateverElseIsOpen() {
    let facts = DirectTextFacts(isCommand: true, ratingOpen: true, reflectionOpen: true, repliesToFeedback: true, sinceFeedback: 10)
    #expect(DirectTextKind.classify(facts) == .command)
}

@Test func aRatingStaysARatingEvenAsAReplyToFeedback() {
    #expect(DirectTextKind.classify(DirectTextFacts(ratingOpen: true, reflectionOpen: true, repliesToFeedback: true)) == .rating)
    #expect(DirectTextKind.classify(DirectTextFacts(ratingOpen: true, sinceFeedback: 5)) == .rating)
}

@Test func aMatrixReplyToFeedbackIsAnAnswerEvenWhileAReflectionIsOpen() {
    #expect(DirectTextKind.classify(DirectTextFacts(reflectionOpen: true, repliesToFeedback: true)) == .feedbackAnswer)
    // Long after the feedback, an explicit reply still answers it.
    #expect(DirectTextKind.classify(DirectTextFacts(repliesToFeedback: true, sinceFeedback: 30 * 24 * 3600)) == .feedbackAnswer)
}

@Test func aPlainMessageWhileAReflectionIsOpenIsAReflection() {
    #expect(DirectTextKind.classify(DirectTextFacts(reflectionOpen: true, sinceFeedback: 60)) == .reflection)
    #expect(DirectTextKind.classify(DirectTextFacts(reflectionOpen: true)) == .reflection)
}

@Test func aPlainMessageRightAfterFeedbackWithNoReflectionOpenIsAnAnswer() {
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: 0)) == .feedbackAnswer)
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: 3600)) == .feedbackAnswer)
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: DirectTextKind.feedbackAnswerWindow)) == .feedbackAnswer)
}

@Test func aPlainMessageLongAfterFeedbackOrAfterSomethingElseIsOther() {
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: DirectTextKind.feedbackAnswerWindow + 1)) == .other)
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: nil)) == .other)
    // A clock that ran backwards (message dated before the feedback) is not taken as an answer.
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: -5)) == .other)
    #expect(DirectTextKind.classify(DirectTextFacts()) == .other)
}

@Test func theAnswerForTheSupervisorsIsEscapedAndCapped() {
    let message = Texts(.en).feedback.feedbackAnswer(text: "Tak <b>&</b>", from: "Anna & Bo")
    #expect(message.kind == .feedback && message.body.contains("Anna & Bo answers feedback:") && message.body.contains("> Tak <b>&</b>"))
    #expect(message.html?.contains("Anna &amp; Bo") == true && message.html?.contains("Tak &lt;b&gt;&amp;&lt;/b&gt;") == true)
    let long = Texts(.da).feedback.feedbackAnswer(text: String(repeating: "a", count: TextKind.feedback.limit + 10), from: "Anna")
    #expect(long.body.contains("Forkortet: svaret har \(TextKind.feedback.limit + 10) tegn"))
    #expect(!long.body.contains(String(repeating: "a", count: TextKind.feedback.limit + 1)))
    let ack = Texts(.da).feedback.feedbackAnswerForwarded()
    #expect(ack.kind == .feedback && ack.body.contains("sendt til dine vejledere"))
}

@Test func theFeedbackAnswerWindowIsADayAfterTheFeedbackAndNeverBeforeIt() {
    let window = DirectTextKind.feedbackAnswerWindow
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: window)) == .feedbackAnswer)
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: window + 1)) == .other)
    #expect(DirectTextKind.classify(DirectTextFacts(sinceFeedback: -1)) == .other, "a clock that runs behind is not an answer")
    #expect(DirectTextKind.classify(DirectTextFacts()) == .other)
}

@Test func everyKindIsReachedInItsOrderOfPrecedence() {
    // Each fact added on top of the weaker ones takes the text over.
    var facts = DirectTextFacts(sinceFeedback: 60)
    #expect(DirectTextKind.classify(facts) == .feedbackAnswer)
    facts.reflectionOpen = true
    #expect(DirectTextKind.classify(facts) == .reflection)
    facts.repliesToFeedback = true
    #expect(DirectTextKind.classify(facts) == .feedbackAnswer)
    facts.ratingOpen = true
    #expect(DirectTextKind.classify(facts) == .rating)
    facts.isCommand = true
    #expect(DirectTextKind.classify(facts) == .command)
}
