import Testing
import PeerLearning

private let say = Texts(.en)

@Test func feedbackToAStudentGoesToThemSignedByTheSendersLocalpart() {
    let change = FeedbackChange.toStudent("@a:hs", text: "Good ABCDE", from: "@sup:hs", name: "Anna", student: Texts(.da), say: say)
    #expect(change.effects == [.toStudent(userID: "@a:hs", Texts(.da).feedback.feedbackToStudent(text: "Good ABCDE", from: "sup"))])
    #expect(change.reply.body == "Your feedback was sent to Anna.")
}

@Test func feedbackToSomeoneOffTheRosterIsNeitherKeptNorSent() {
    let change = FeedbackChange.toStudent("@x:hs", text: "Hi", from: "@sup:hs", name: nil, student: say, say: say)
    #expect(change.effects.isEmpty)
    #expect(change.reply == say.roster.studentNotFound(userID: "@x:hs"))
}

@Test func feedbackToGroupsNamesEveryMemberInEachRoomsLanguage() {
    let groups = [FeedbackChange.Group(name: "A", members: ["@a:hs", "@b:hs"], texts: Texts(.da)),
                  FeedbackChange.Group(name: "B", members: ["@c:hs"], texts: say)]
    let change = FeedbackChange.toGroups(groups, text: "Well presented", from: "@sup:hs", say: say)
    #expect(change.effects == [
        .toGroup(index: 0, Texts(.da).feedback.feedbackToGroup(text: "Well presented", group: "A", from: "sup"), mentions: ["@a:hs", "@b:hs"]),
        .toGroup(index: 1, say.feedback.feedbackToGroup(text: "Well presented", group: "B", from: "sup"), mentions: ["@c:hs"]),
    ])
    #expect(change.reply.body == "Your feedback was sent to A, B.")
}

@Test func feedbackWithoutAGroupIsAnsweredOnly() {
    let change = FeedbackChange.toGroups([], text: "Hi", from: "@sup:hs", say: say)
    #expect(change.effects.isEmpty)
    #expect(change.reply == say.sessions.noGroupHere())
}
