import Foundation
import Testing
import PeerLearning

private let now = utc("2026-12-01T09:00:00Z")
private let ida = Student(userID: "@ida:hs", name: "Ida")
private let bo = Student(userID: "@bo:hs", name: "Bo")
private let eva = Student(userID: "@eva:hs", name: "Eva")
private let roster = [ida.userID: ida, bo.userID: bo, eva.userID: eva]
private let proposal = GroupProposal(groups: [ProposedGroup(name: "A", members: [ida.userID, bo.userID], score: 1),
                                              ProposedGroup(name: "B", members: [eva.userID], score: 1)],
                                     score: 1, mean: 1, randomBaseline: 1)

private func create(_ latest: GroupCreation.Latest?, roster: [String: Student] = roster) -> GroupCreation {
    GroupCreation.decide(latest, roster: roster, now: now, timeZone: copenhagen, welcome: Texts(.da, prefix: "!"), say: Texts(.en))
}

@Test func eachGroupGetsARoomAWelcomeThereAndEachStudentAWelcomeOfTheirOwn() {
    let decision = create(.open(proposal))
    let steps = decision.effects.map { effect -> String in
        switch effect {
        case .createGroups(let groups): "groups \(groups.map(\.name).joined(separator: ","))"
        case .consumeProposal: "consume"
        case .createRoom(let group, let name, _, let students): "room \(group) \(name) \(students.joined(separator: ","))"
        case .welcomeGroup(let group, _, let mentions): "welcome \(group) \(mentions.joined(separator: ","))"
        case .welcomeStudent(let student, _): "hello \(student.userID)"
        case .startProgress: "progress"
        }
    }
    #expect(steps == [
        "groups A,B", "consume",
        "room 0 Hold dec. 2026 – Gruppe A @ida:hs,@bo:hs", "welcome 0 @ida:hs,@bo:hs", "hello @ida:hs", "hello @bo:hs",
        "room 1 Hold dec. 2026 – Gruppe B @eva:hs", "welcome 1 @eva:hs", "hello @eva:hs",
        "progress",
    ])
    #expect(decision.effects.contains { effect in
        guard case .createRoom(0, _, let topic, _) = effect else { return false }
        return topic == "Næste session: ingen planlagt endnu"
    })
    #expect(decision.effects.contains { effect in
        guard case .welcomeGroup(0, let message, _) = effect else { return false }
        return message.body.hasPrefix("Velkommen til gruppe A: Ida, Bo.")
    })
    #expect(decision.effects.contains { effect in
        guard case .welcomeStudent(let student, let message) = effect, student == eva else { return false }
        return message.body.hasPrefix("Hej Eva! Du er i gruppe B") && message.body.contains("!hjælp")
    })
    #expect(decision.reply == Texts(.en).groups.groupsCreated([
        GroupView(name: "A", roomID: nil, members: [.init(student: ida, joined: false), .init(student: bo, joined: false)]),
        GroupView(name: "B", roomID: nil, members: [.init(student: eva, joined: false)]),
    ]))
}

@Test func withoutAProposalOrWithOneUsedNothingIsCreated() {
    #expect(create(nil) == GroupCreation(effects: [], reply: Texts(.en).groups.noProposal()))
    #expect(create(.consumed) == GroupCreation(effects: [], reply: Texts(.en).groups.proposalAlreadyCreated()))
}

@Test func aProposalNamingSomeoneNoLongerOnTheRosterIsRefused() {
    var smaller = roster
    smaller[bo.userID] = nil
    #expect(create(.open(proposal), roster: smaller) == GroupCreation(effects: [], reply: Texts(.en).groups.proposalOutdated()))
}
