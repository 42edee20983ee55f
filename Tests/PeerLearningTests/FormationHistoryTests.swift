import Testing
@testable import PeerLearning

private func plain(_ names: [String]) -> [Student] {
    names.map { Student(userID: "@\($0):hs", name: $0) }
}

@Test func pairsAreUnordered() {
    #expect(StudentPair("@b:hs", "@a:hs") == StudentPair("@a:hs", "@b:hs"))
    let history = StudentPair.history(of: [[["@a:hs", "@b:hs", "@c:hs"]], [["@b:hs", "@a:hs"], ["@c:hs"]]])
    #expect(history == [StudentPair("@a:hs", "@b:hs"): 2, StudentPair("@a:hs", "@c:hs"): 1, StudentPair("@b:hs", "@c:hs"): 1])
}

@Test func earlierPairsAreNotRepeatedWhenAnEquallyGoodSplitExists() {
    let students = plain(["a", "b", "c", "d"])
    let history = StudentPair.history(of: [[["@a:hs", "@b:hs"], ["@c:hs", "@d:hs"]]])
    for seed in UInt64(0)..<20 {
        let proposal = GroupFormation.plan(students: students, size: 2, seed: seed, history: history)
        #expect(proposal.repeatedPairs == 0)
        #expect(!proposal.groups.contains { Set($0.members) == ["@a:hs", "@b:hs"] || Set($0.members) == ["@c:hs", "@d:hs"] })
        #expect(proposal.score == 1)
    }
}

@Test func aRepeatIsKeptWhenAvoidingItWouldCostDiversity() {
    // Only {a, b}{c, d} and {a, d}{c, b} mix nurses with physios (score 1; the third split scores
    // 0.5). Both repeat one earlier pair, so one repeat is the price of diversity.
    let students = [
        Student(userID: "@a:hs", name: "a", attributes: ["background": ["nurse"]]),
        Student(userID: "@b:hs", name: "b", attributes: ["background": ["physio"]]),
        Student(userID: "@c:hs", name: "c", attributes: ["background": ["nurse"]]),
        Student(userID: "@d:hs", name: "d", attributes: ["background": ["physio"]]),
    ]
    let history = [StudentPair("@a:hs", "@b:hs"): 1, StudentPair("@a:hs", "@d:hs"): 1]
    let proposal = GroupFormation.plan(students: students, size: 2, seed: 9, history: history)
    #expect(proposal.score == 1)
    #expect(proposal.repeatedPairs == 1)
}

/// On random rosters of eight, with the history of the plan made without history: whenever some
/// split is as diverse as the best and repeats no pair, the plan with history finds such a split.
@Test func historyAvoidsRepeatsAtNoCostInDiversity() {
    var random = SeededGenerator(seed: 31)
    var casesWithFreshAlternative = 0
    for caseNumber in 0..<40 {
        let roster = randomRoster(students: 8, random: &random)
        let first = GroupFormation.plan(students: roster, size: 2 + caseNumber % 3, seed: 1)
        let history = StudentPair.history(of: [first.groups.map(\.members)])
        let scorer = MaskScorer(roster)
        let index = Dictionary(uniqueKeysWithValues: roster.enumerated().map { ($1.userID, $0) })
        var bestFresh: (worst: Double, mean: Double) = (-1, -1)
        var best: (worst: Double, mean: Double) = (-1, -1)
        forEachSplit(students: 8, sizes: GroupFormation.groupSizes(students: 8, size: 2 + caseNumber % 3)) { split in
            let groups = split.map(members)
            let score = scorer.splitScore(groups)
            if isBetter(score, than: best) { best = score }
            let repeats = StudentPair.history(of: [groups.map { $0.map { roster[$0].userID } }]).keys.filter { history[$0] != nil }
            if repeats.isEmpty, isBetter(score, than: bestFresh) { bestFresh = score }
        }
        let again = GroupFormation.plan(students: roster, size: 2 + caseNumber % 3, seed: 1, history: history)
        let againScore = scorer.splitScore(again.groups.map { $0.members.map { index[$0]! } })
        if !isBetter(best, than: bestFresh) {
            casesWithFreshAlternative += 1
            #expect(again.repeatedPairs == 0, "case \(caseNumber)")
            #expect(!isBetter(best, than: againScore), "case \(caseNumber)")
        }
    }
    #expect(casesWithFreshAlternative >= 10)
}
