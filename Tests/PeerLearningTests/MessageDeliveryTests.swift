import Testing
import PeerLearning

/// What a person's client does with each kind under the default push rules: `m.text` notifies,
/// `m.notice` is silenced by `.m.rule.suppress_notices`.
private let expectedMsgtype: [MessageKind: String] = [
    .welcome: "m.text", .goals: "m.text", .sessionStart: "m.text", .facilitatorPrompt: "m.text",
    .reflectionPrompt: "m.text", .reminder: "m.text", .assessmentRequest: "m.text",
    .assessmentResult: "m.text", .feedback: "m.text", .alert: "m.text", .guard: "m.text", .release: "m.text", .undecryptable: "m.text",
    .help: "m.notice", .reply: "m.notice", .error: "m.notice", .roster: "m.notice",
    .groupProposal: "m.notice", .groupsCreated: "m.notice", .reflectionAck: "m.notice",
    .summary: "m.notice", .tasks: "m.notice", .status: "m.notice", .export: "m.notice", .mydata: "m.notice",
    .overview: "m.notice", .progress: "m.notice",
]

@Test func everyKindHasADecidedMsgtype() {
    #expect(Set(expectedMsgtype.keys) == Set(MessageKind.allCases), "a new kind must be placed in the table")
    for kind in MessageKind.allCases {
        let delivery = MessageDelivery.of(kind, isAnswer: false, concerned: ["@anna:hs"])
        #expect(delivery.msgtype == expectedMsgtype[kind], "\(kind.rawValue)")
        #expect(delivery.mentions == (delivery.msgtype == "m.text" ? ["@anna:hs"] : []), "\(kind.rawValue)")
    }
}

@Test func answersToCommandsAreQuietNoticesWhateverTheirKind() {
    for kind in MessageKind.allCases where kind != .undecryptable {
        let delivery = MessageDelivery.of(kind, isAnswer: true, concerned: ["@anna:hs"])
        #expect(delivery.msgtype == "m.notice", "\(kind.rawValue)")
        #expect(delivery.mentions.isEmpty, "\(kind.rawValue)")
    }
}

@Test func anUnreadableMessageNotifiesItsSenderThoughItIsAReply() {
    // Sent minutes after the message it answers: the sender is no longer looking at the room.
    let delivery = MessageDelivery.of(.undecryptable, isAnswer: true, concerned: ["@anna:hs"])
    #expect(delivery.msgtype == "m.text")
    #expect(delivery.mentions == ["@anna:hs"])
}

@Test func mentionsNameEachPersonOnceInOrder() {
    let delivery = MessageDelivery.of(.goals, isAnswer: false, concerned: ["@bo:hs", "@anna:hs", "@bo:hs", ""])
    #expect(delivery.mentions == ["@bo:hs", "@anna:hs"])
    #expect(MessageDelivery.of(.alert, isAnswer: false, concerned: []).mentions == [])
}
