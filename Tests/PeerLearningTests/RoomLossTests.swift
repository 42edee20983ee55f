import Foundation
import Testing
import PeerLearning

private func lose(_ room: RoomLoss.Room, by remover: String? = "@sup:hs", banned: Bool = false,
                  supervisorRoom: Bool = true) -> [RoomLossEffect] {
    RoomLoss.decide(room, remover: remover, banned: banned, student: Texts(.da), supervisors: supervisorRoom ? Texts(.en) : nil)
}

private let direct = RoomLoss.Room(roomID: "!d:hs", kind: "direct", group: nil, userID: "@ida:hs", studentOnRoster: true)
private let group = RoomLoss.Room(roomID: "!a:hs", kind: "group", group: "A", userID: nil, studentOnRoster: false)

@Test func aLostDirectRoomIsForgottenReplacedAndTheSupervisorsToldSo() {
    let effects = lose(direct)
    #expect(effects.count == 3)
    #expect(effects.first == .forgetDirectRoom)
    #expect(effects[1] == .tell(userID: "@ida:hs", Texts(.da).privacy.directRoomReplaced()))
    guard case .toSupervisors(let note) = effects.last else { Issue.record("the supervisors are not told"); return }
    #expect(note.body == "I was removed from the direct room with @ida:hs by @sup:hs. I made a new direct room and invited the student.")
}

@Test func aLostDirectRoomOfSomeoneNoLongerOnTheRosterIsOnlyForgotten() {
    var gone = direct
    gone.studentOnRoster = false
    let effects = lose(gone, by: nil)
    #expect(effects.first == .forgetDirectRoom)
    #expect(effects.last == .toSupervisors(Texts(.en).privacy.roomLost(LostRoom(roomID: "!d:hs", kind: "direct", group: nil, student: "@ida:hs",
                                                                                   by: nil, banned: false, replaced: false))))
    #expect(effects.count == 2)
}

@Test func aBannedGroupRoomWaitsForAnInviteAndTheSupervisorsAreAskedForOne() {
    let effects = lose(group, banned: true)
    #expect(effects.first == .markLeft)
    guard case .toSupervisors(let note) = effects.last else { Issue.record("the supervisors are not told"); return }
    #expect(note.body == "I was banned from the room of group A by @sup:hs. Invite me again and I will rejoin.")
}

@Test func theSupervisorRoomLostOrMissingTellsNobody() {
    let supervisor = RoomLoss.Room(roomID: "!s:hs", kind: "supervisor", group: nil, userID: nil, studentOnRoster: false)
    #expect(lose(supervisor) == [.markLeft])
    #expect(lose(group, supervisorRoom: false) == [.markLeft])
}
