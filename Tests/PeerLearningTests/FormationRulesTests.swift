import Testing
@testable import PeerLearning

@Test func groupCountAndSizesFollowTheRules() {
    for n in 0...30 {
        for k in 2...6 {
            // round(n / k) with halves up, computed the long way round for comparison.
            let expectedCount = max(1, Int((Double(n) / Double(k)).rounded(.toNearestOrAwayFromZero)))
            #expect(GroupFormation.groupCount(students: n, size: k) == expectedCount, "n=\(n) k=\(k)")
            let sizes = GroupFormation.groupSizes(students: n, size: k)
            #expect(sizes.reduce(0, +) == n)
            #expect(sizes.count == (n == 0 ? 0 : expectedCount))
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
    }
    #expect(GroupFormation.groupCount(students: 10, size: 4) == 3)  // 2.5 rounds up
    #expect(GroupFormation.groupCount(students: 9, size: 6) == 2)  // 1.5 rounds up
    #expect(GroupFormation.groupCount(students: 2, size: 6) == 1)
}

@Test(arguments: [0, 1, 2, 3, 5, 7, 11, 13, 17, 23, 30])
func planUsesTheRequiredGroupSizes(n: Int) {
    var random = SeededGenerator(seed: UInt64(n))
    let roster = randomRoster(students: n, random: &random, attributes: 2)
    for k in 2...6 {
        let proposal = GroupFormation.plan(students: roster, size: k, seed: 3)
        #expect(proposal.groups.map(\.members.count).sorted() == GroupFormation.groupSizes(students: n, size: k).sorted())
        #expect(Set(proposal.groups.flatMap(\.members)) == Set(roster.map(\.userID)))
    }
}

/// Six students; d_cohort(strengths) = 3 (wound care, ECG, medication), d_cohort(background) = 2.
private let anna = Student(userID: "@anna:hs", name: "Anna", attributes: ["strengths": ["wound care", "ECG"], "background": ["nurse"]])
private let bo = Student(userID: "@bo:hs", name: "Bo", attributes: ["strengths": ["ecg"], "background": ["physio"]])
private let carl = Student(userID: "@carl:hs", name: "Carl", attributes: ["strengths": ["medication"], "background": ["Nurse"]])
private let dina = Student(userID: "@dina:hs", name: "Dina", attributes: ["background": ["nurse"]])
private let eva = Student(userID: "@eva:hs", name: "Eva", attributes: ["strengths": ["wound care"]])
private let finn = Student(userID: "@finn:hs", name: "Finn", attributes: ["strengths": ["medication", "ECG"], "background": ["physio"]])
private let cohort = [anna, bo, carl, dina, eva, finn]

@Test func diversityWorkedByHand() {
    // {Anna, Dina}: strengths {wound care, ecg} = 2, 2 / min(2, 3) = 1; background {nurse} = 1,
    // 1 / min(2, 2) = 0.5; mean (1 + 0.5) / 2 = 0.75.
    #expect(GroupFormation.diversity(of: [anna, dina], in: cohort) == 0.75)
    // {Dina, Eva}: strengths {wound care} = 1, 1 / 2 = 0.5; background {nurse} = 1, 1 / 2 = 0.5; mean 0.5.
    #expect(GroupFormation.diversity(of: [dina, eva], in: cohort) == 0.5)
    // {Eva} alone: strengths 1 / min(1, 3) = 1; background 0 / min(1, 2) = 0; mean 0.5.
    #expect(GroupFormation.diversity(of: [eva], in: cohort) == 0.5)
    // {Anna, Bo, Carl, Finn}: strengths 3 / min(4, 3) = 1; background {nurse, physio} (Carl's
    // "Nurse" is the same value) 2 / min(4, 2) = 1; mean 1.
    #expect(GroupFormation.diversity(of: [anna, bo, carl, finn], in: cohort) == 1)
    // {Bo, Finn}: strengths {ecg, medication} 2 / 2 = 1 (Bo's "ecg" and Finn's "ECG" count once);
    // background {physio} 1 / 2 = 0.5; mean 0.75.
    #expect(GroupFormation.diversity(of: [bo, finn], in: cohort) == 0.75)
    // Split {Anna, Dina} {Bo, Finn} {Carl, Eva}: Carl+Eva = strengths 2/2 = 1, background 1/2 → 0.75;
    // every group 0.75, so worst 0.75 and mean 0.75.
    #expect(GroupFormation.score(of: [[anna, dina], [bo, finn], [carl, eva]]) == SplitScore(worst: 0.75, mean: 0.75))
    // Split {Dina, Eva} {Anna, Bo, Carl, Finn}: worst 0.5, mean (0.5 + 1) / 2 = 0.75 — worse, as
    // the worst group decides before the mean.
    let lopsided = GroupFormation.score(of: [[dina, eva], [anna, bo, carl, finn]])
    #expect(lopsided == SplitScore(worst: 0.5, mean: 0.75))
    #expect(lopsided < SplitScore(worst: 0.75, mean: 0.75))
}

@Test func planReachesTheHandWorkedOptimum() {
    // In threes, {Anna, Bo, Carl} and {Dina, Eva, Finn} both hold all three strengths and both
    // backgrounds, so the best split scores 1 (it is not the only such split).
    let proposal = GroupFormation.plan(students: cohort, size: 3, seed: 11)
    #expect(proposal.score == 1 && proposal.mean == 1)
    #expect(proposal.groups.allSatisfy { $0.score == 1 })
    // Groups are named in the order of their first member by name; members are in name order.
    #expect(proposal.groups.map(\.name) == ["A", "B"])
    #expect(proposal.groups[0].members.first == "@anna:hs")
    let names = Dictionary(uniqueKeysWithValues: cohort.map { ($0.userID, $0.name) })
    #expect(proposal.groups.allSatisfy { group in group.members.map { names[$0]! } == group.members.map { names[$0]! }.sorted() })
}

@Test func attributesNobodyHasAreLeftOutAndNoAttributesScoreOne() {
    let withEmpty = cohort.map { student -> Student in
        var copy = student
        copy.attributes["style"] = []
        return copy
    }
    #expect(GroupFormation.diversity(of: [dina, eva], in: withEmpty) == 0.5)
    let plain = (0..<5).map { Student(userID: "@p\($0):hs", name: "P\($0)") }
    #expect(GroupFormation.diversity(of: Array(plain.prefix(2)), in: plain) == 1)
    let proposal = GroupFormation.plan(students: plain, size: 2, seed: 0)
    #expect(proposal.score == 1 && proposal.randomBaseline == 1)
}

@Test func sameRosterAndSeedGiveTheSameGroupsWhateverTheOrder() {
    var random = SeededGenerator(seed: 5)
    let roster = randomRoster(students: 23, random: &random, attributes: 3)
    let first = GroupFormation.plan(students: roster, size: 4, seed: 42)
    for _ in 0..<5 {
        var shuffled = roster
        random.shuffle(&shuffled)
        let again = GroupFormation.plan(students: shuffled, size: 4, seed: 42)
        #expect(again == first)
        #expect(again.json() == first.json())
    }
    let otherSeeds = (43..<53).map { GroupFormation.plan(students: roster, size: 4, seed: $0) }
    #expect(Set(otherSeeds.map(\.randomBaseline)).count > 1, "the random baseline depends on the seed")
}

@Test func smallAndEmptyRosters() {
    let empty = GroupFormation.plan(students: [], size: 4, seed: 1)
    #expect(empty.groups.isEmpty)
    #expect(empty.json() == #"{"score": 0.00, "random_baseline": 0.00, "groups": []}"#)
    let one = GroupFormation.plan(students: [anna], size: 4, seed: 1)
    #expect(one.groups.map(\.members) == [["@anna:hs"]])
    let three = GroupFormation.plan(students: [anna, bo, carl], size: 6, seed: 1)
    #expect(three.groups.count == 1 && three.groups[0].members.count == 3)
}
