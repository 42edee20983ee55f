import Testing
import PeerLearning

private let say = Texts(.en)
private let anna = Student(userID: "@a:hs", name: "Anna", attributes: [:])
private let elsewhere = GroupMove.Current(isTarget: false, hasRoom: true)

@Test func aMoveChangesTheGroupInvitesAndRemovesFromTheOldRoom() {
    let move = GroupMove.decide("@a:hs", student: anna, to: "b", target: "B", current: elsewhere, say: say)
    #expect(move.effects == [.move, .inviteToTarget, .removeFromCurrent(reason: "moved to group B")])
    #expect(move.reply == say.groups.studentMoved(anna, to: "B"))
}

@Test func anOldGroupWithoutARoomHasNobodyToRemove() {
    let move = GroupMove.decide("@a:hs", student: anna, to: "B", target: "B", current: .init(isTarget: false, hasRoom: false), say: say)
    #expect(move.effects == [.move, .inviteToTarget])
}

@Test func aMoveToTheGroupAlreadyHeldChangesNothing() {
    let move = GroupMove.decide("@a:hs", student: anna, to: "B", target: "B", current: .init(isTarget: true, hasRoom: true), say: say)
    #expect(move.effects.isEmpty)
    #expect(move.reply == say.groups.studentMoved(anna, to: "B"))
}

@Test func aMoveThatCannotBeMadeSaysWhyInOrder() {
    #expect(GroupMove.decide("@x:hs", student: nil, to: "Z", target: nil, current: nil, say: say).reply
        == say.roster.studentNotFound(userID: "@x:hs"))
    #expect(GroupMove.decide("@a:hs", student: anna, to: "Z", target: nil, current: elsewhere, say: say).reply
        == say.groups.groupNotFound("Z"))
    let nowhere = GroupMove.decide("@a:hs", student: anna, to: "B", target: "B", current: nil, say: say)
    #expect(nowhere.effects.isEmpty && nowhere.reply == say.groups.notInAnyGroup("@a:hs"))
}
