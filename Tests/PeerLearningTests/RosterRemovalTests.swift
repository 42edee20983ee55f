import Foundation
import Testing
import PeerLearning

private let ida = "@ida:example.org"

@Test func aRemovedStudentLeavesTheRosterAndIsRemovedFromTheGroupRoomInItsLanguage() {
    let decision = RosterRemoval.decide(ida, onRoster: true, group: RosterRemoval.Group(id: 4, name: "A", say: Texts(.da)), say: Texts(.en))
    #expect(decision.effects == [.remove, .kick(groupID: 4, reason: "Fjernet fra holdlisten; gruppe As rum er kun for gruppens studerende og vejlederne.")])
    #expect(decision.reply.body.hasPrefix("\(ida) is removed from the roster, from the group's room and from future sessions."))
}

@Test func aStudentInNoGroupIsOnlyTakenOffTheRoster() {
    let decision = RosterRemoval.decide(ida, onRoster: true, group: nil, say: Texts(.en))
    #expect(decision.effects == [.remove])
}

@Test func someoneNotOnTheRosterChangesNothing() {
    let decision = RosterRemoval.decide(ida, onRoster: false, group: RosterRemoval.Group(id: 4, name: "A", say: Texts(.en)), say: Texts(.da))
    #expect(decision.effects.isEmpty)
    #expect(decision.reply.body == "\(ida) er ikke på holdlisten. Intet er ændret.")
}
