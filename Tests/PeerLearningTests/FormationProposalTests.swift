import Foundation
import Testing
import PeerLearning

@Test func jsonHasTheDocumentedShape() throws {
    let proposal = GroupProposal(
        groups: [ProposedGroup(name: "A", members: ["@anna:hs", "@bo:hs"], score: 0.925),
                 ProposedGroup(name: "B", members: ["@carl:hs"], score: 0.625)],
        score: 0.625, mean: 0.775, randomBaseline: 0.5)
    #expect(proposal.json() == #"{"score": 0.63, "random_baseline": 0.50, "groups": [{"name": "A", "score": 0.93, "members": ["@anna:hs", "@bo:hs"]}, {"name": "B", "score": 0.63, "members": ["@carl:hs"]}]}"#)
}

@Test func jsonOfARealPlanParsesBack() throws {
    let students = [
        Student(userID: "@anna:hs", name: "Anna", attributes: ["style": ["visual"]]),
        Student(userID: #"@o"dd\id:hs"#, name: "Odd", attributes: ["style": ["verbal"]]),
        Student(userID: "@bo:hs", name: "Bo", attributes: ["style": ["visual"]]),
        Student(userID: "@carl:hs", name: "Carl", attributes: ["style": ["verbal"]]),
    ]
    let proposal = GroupFormation.plan(students: students, size: 2, seed: 4)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(proposal.json().utf8)) as? [String: Any])
    #expect(Set(parsed.keys) == ["score", "random_baseline", "groups"])
    #expect(parsed["score"] as? Double == 1)
    let groups = try #require(parsed["groups"] as? [[String: Any]])
    #expect(groups.compactMap { $0["name"] as? String } == ["A", "B"])
    let members = groups.flatMap { $0["members"] as? [String] ?? [] }
    #expect(Set(members) == Set(students.map(\.userID)))
}

@Test func groupNamesContinueAfterZ() {
    #expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(GroupProposal.name)
            == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
}

@Test func chatProposalShowsNamesScoresBaselineAndTheNextStep() {
    let students = [
        Student(userID: "@anna:hs", name: "Anna <Ærø>", attributes: ["background": ["nurse"]]),
        Student(userID: "@bo:hs", name: "Bo", attributes: ["background": ["physio"]]),
        Student(userID: "@carl:hs", name: "Carl", attributes: ["background": ["nurse"]]),
        Student(userID: "@dina:hs", name: "Dina", attributes: ["background": ["physio"]]),
    ]
    let proposal = GroupFormation.plan(students: students, size: 2, seed: 2)
    let danish = Texts(.da).groups.groupProposal(proposal, students: students)
    #expect(danish.kind == .groupProposal)
    #expect(danish.body.contains("Gruppe A (diversitet 1,00): Anna <Ærø>, "))
    #expect(danish.body.contains("Samlet score (den svageste gruppe): 1,00"))
    #expect(danish.body.contains("En tilfældig opdeling giver " + GroupProposalFormat.danish(proposal.randomBaseline)))
    #expect(danish.body.contains("!grupper opret"))
    #expect(danish.html?.contains("<table") == false && danish.html?.contains("<p><strong>Gruppe A</strong> · diversitet 1,00<br>") == true)
    #expect(danish.body.contains("seed er et startnummer for lodtrækningen") && danish.html?.contains("<code>!grupper planlæg seed=2</code>") == true)
    #expect(danish.html?.contains("Anna &lt;Ærø&gt;") == true && danish.html?.contains("<Ærø>") == false)
    #expect(danish.html?.contains("<code>!grupper opret</code>") == true)
    let english = Texts(.en).groups.groupProposal(proposal, students: students)
    #expect(english.body.contains("Group B (diversity 1.00): "))
    #expect(english.body.contains("A random split scores"))
    #expect(english.body.contains("!groups create"))
    let empty = Texts(.en).groups.groupProposal(GroupFormation.plan(students: [], size: 4, seed: 0), students: [])
    #expect(empty.body.contains("no students on the roster"))
}

@Test func chatProposalMentionsRepeatedPairs() {
    let students = (0..<4).map { Student(userID: "@s\($0):hs", name: "S\($0)") }
    let everyPair = StudentPair.history(of: [[students.map(\.userID)]])
    let proposal = GroupFormation.plan(students: students, size: 2, seed: 0, history: everyPair)
    #expect(proposal.repeatedPairs == 2)
    #expect(Texts(.en).groups.groupProposal(proposal, students: students).body.contains("2 pairs have been in a group together before"))
}

/// The Danish way of writing a score, as a user reads it.
private enum GroupProposalFormat {
    static func danish(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        return "\(cents / 100),\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
