import Foundation
import Testing
import PeerLearning

private let members = [GroupRoomEntry.Member(userID: "@ida:hs", joined: false, reportedMissing: true),
                       GroupRoomEntry.Member(userID: "@bo:hs", joined: false, reportedMissing: false),
                       GroupRoomEntry.Member(userID: "@eva:hs", joined: true, reportedMissing: true)]

private func entry(_ userID: String, joined: Bool = true, supervisorRoom: Bool = true, student: Student? = nil) -> [GroupRoomEntryEffect] {
    GroupRoomEntry.decide(userID, joined: joined, group: "A", members: members, supervisorIDs: ["@sup:hs"], bot: "@bot:hs",
                          student: student, room: Texts(.da), supervisors: supervisorRoom ? Texts(.en) : nil)
}

@Test func anOutsiderIsKickedWithAReasonInTheRoomsLanguageAndTheSupervisorsAreTold() {
    let effects = entry("@mallory:hs", joined: false)
    #expect(effects.first == .kick(reason: "Kun gruppe As studerende og vejlederne har adgang til rummet."))
    guard case .toSupervisors(let note) = effects.last else { Issue.record("the supervisors are not told"); return }
    #expect(note.body.hasPrefix("@mallory:hs is neither on the roster of group A nor a supervisor"))
    #expect(effects.count == 2)
}

@Test func anOutsiderWithoutASupervisorRoomIsStillKicked() {
    #expect(entry("@mallory:hs", supervisorRoom: false).count == 1)
}

@Test func theBotAndASupervisorAreNeverOutsiders() {
    #expect(entry("@bot:hs").isEmpty)
    #expect(entry("@sup:hs").isEmpty)
}

@Test func aStudentsFirstJoinIsNotedAndAJoinAfterBeingReportedMissingIsTold() {
    #expect(entry("@bo:hs") == [.markJoined])
    let effects = entry("@ida:hs", student: Student(userID: "@ida:hs", name: "Ida Holm"))
    #expect(effects.first == .markJoined)
    guard case .toSupervisors(let note) = effects.last else { Issue.record("the supervisors are not told"); return }
    #expect(note.body == "Ida Holm (@ida:hs) has now joined the room of group A.")
}

@Test func aRepeatedJoinOrAnInviteOfAStudentChangesNothing() {
    #expect(entry("@eva:hs", student: Student(userID: "@eva:hs", name: "Eva")).isEmpty)
    #expect(entry("@ida:hs", joined: false).isEmpty)
}

@Test func aMissingStudentNoLongerOnTheRosterIsNotedButNotTold() {
    #expect(entry("@ida:hs", student: nil) == [.markJoined])
}
