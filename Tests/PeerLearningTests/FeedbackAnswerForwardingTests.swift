import Foundation
import Testing
import PeerLearning

@Test func anAnswerGoesToTheSupervisorsWithTheNameAndTheStudentIsAnsweredInReply() throws {
    let text = try #require(FeedbackAnswerForwarding.text(of: "  Thanks, I will try that  \n"))
    #expect(text == "Thanks, I will try that")
    let decision = FeedbackAnswerForwarding.decide(GuardedText(text: text, kinds: []), from: "Ida", redactsMasked: true,
                                                   supervisors: Texts(.da), student: Texts(.en))
    guard case .toSupervisors(let forwarded) = decision.effects.first else { Issue.record("nothing forwarded"); return }
    #expect(forwarded.body.hasPrefix("Ida svarer på feedback:"))
    #expect(forwarded.body.contains("Thanks, I will try that"))
    guard case .answer(let answer, let inReply) = decision.effects.last else { Issue.record("the student is not answered"); return }
    #expect(inReply)
    #expect(answer.body == "Your answer was sent to your supervisors. It is not kept as a reflection.")
    #expect(decision.effects.count == 2)
}

@Test func aRedactedAnswerIsForwardedMaskedAndTheStudentNamedInsteadOfRepliedTo() throws {
    let kept = GuardedText(text: "About [name]: fine", kinds: [.name])
    let decision = FeedbackAnswerForwarding.decide(kept, from: "Ida", redactsMasked: true, supervisors: Texts(.en), student: Texts(.en))
    guard case .toSupervisors(let forwarded) = decision.effects.first else { Issue.record("nothing forwarded"); return }
    #expect(forwarded.body.contains("About [name]: fine"))
    #expect(decision.effects.last == .answer(Texts(.en).feedback.feedbackAnswerForwarded(), inReply: false))
    // Masked but left in the room (`mask`): the message can still be replied to.
    let left = FeedbackAnswerForwarding.decide(kept, from: "Ida", redactsMasked: false, supervisors: Texts(.en), student: Texts(.en))
    #expect(left.effects.last == .answer(Texts(.en).feedback.feedbackAnswerForwarded(), inReply: true))
}

@Test func aBlankAnswerIsNotForwarded() {
    #expect(FeedbackAnswerForwarding.text(of: " \n\t ") == nil)
    #expect(FeedbackAnswerForwarding.text(of: "") == nil)
}
