import Testing
@testable import PeerLearning

/// The planner must find the best (worst, mean) split; small rosters are checked against
/// every possible split.
@Test func plannerFindsTheOptimumOnSmallRosters() {
    var random = SeededGenerator(seed: 2024)
    var misses: [String] = []
    var splitsChecked = 0
    for caseNumber in 0..<200 {
        let n = 4 + random.below(9)
        let k = 2 + random.below(3)
        let roster = randomRoster(students: n, random: &random)
        let scorer = MaskScorer(roster)
        var groupScores = [Double](repeating: -1, count: 1 << n)  // by member mask; -1 = not yet scored
        var best: (worst: Double, mean: Double) = (-1, -1)
        forEachSplit(students: n, sizes: GroupFormation.groupSizes(students: n, size: k)) { split in
            splitsChecked += 1
            var worst = Double.infinity, sum = 0.0
            for group in split {
                if groupScores[Int(group)] < 0 { groupScores[Int(group)] = scorer.groupScore(members(group)) }
                let score = groupScores[Int(group)]
                worst = min(worst, score)
                sum += score
            }
            if isBetter((worst, sum / Double(split.count)), than: best) { best = (worst, sum / Double(split.count)) }
        }
        let proposal = GroupFormation.plan(students: roster, size: k, seed: UInt64(caseNumber))
        #expect(proposal.groups.map(\.members.count).sorted() == GroupFormation.groupSizes(students: n, size: k).sorted())
        let index = Dictionary(uniqueKeysWithValues: roster.enumerated().map { ($1.userID, $0) })
        let planned = scorer.splitScore(proposal.groups.map { $0.members.map { index[$0]! } })
        #expect(abs(planned.worst - proposal.score) < 1e-9 && abs(planned.mean - proposal.mean) < 1e-9)
        if isBetter(best, than: planned) {
            misses.append("case \(caseNumber): n=\(n) k=\(k) planned \(planned) optimum \(best)")
        }
    }
    #expect(misses.isEmpty, "\(misses.count) of 200 missed:\n\(misses.joined(separator: "\n"))")
    #expect(splitsChecked > 100_000)
}

/// On a large roster the planner beats the best of 1,000 random splits.
@Test func plannerBeatsTheBestOfManyRandomSplits() {
    var random = SeededGenerator(seed: 77)
    let roster = randomRoster(students: 200, random: &random, attributes: 4)
    let sizes = GroupFormation.groupSizes(students: 200, size: 4)
    let scorer = MaskScorer(roster)
    var bestRandom: (worst: Double, mean: Double) = (-1, -1)
    for _ in 0..<1_000 {
        let slots = GroupFormation.randomAssignment(sizes: sizes, random: &random)
        var split = [[Int]](repeating: [], count: sizes.count)
        for (student, group) in slots.enumerated() { split[group].append(student) }
        let score = scorer.splitScore(split)
        if isBetter(score, than: bestRandom) { bestRandom = score }
    }
    let proposal = GroupFormation.plan(students: roster, size: 4, seed: 1)
    #expect(isBetter((proposal.score, proposal.mean), than: bestRandom),
            "planned \(proposal.score)/\(proposal.mean), best random \(bestRandom)")
    #expect(proposal.randomBaseline <= bestRandom.worst + 1e-9)
}

/// The enumerator the optimum test relies on visits each split once: the counts match
/// n! / (Π size! · Π (groups of equal size)!).
@Test(arguments: [(12, [3, 3, 3, 3], 15_400), (12, [4, 4, 4], 5_775), (11, [3, 3, 3, 2], 15_400),
                  (10, [4, 3, 3], 2_100), (9, [2, 2, 2, 2, 1], 945), (5, [5], 1)])
func enumeratorVisitsEverySplitOnce(n: Int, sizes: [Int], expected: Int) {
    var seen: Set<[UInt32]> = []
    var visits = 0
    forEachSplit(students: n, sizes: sizes) { split in
        visits += 1
        seen.insert(split.sorted())
        #expect(split.reduce(0, |) == (UInt32(1) << UInt32(n)) - 1)
        #expect(split.map(\.nonzeroBitCount).sorted() == sizes.sorted())
    }
    #expect(visits == expected)
    #expect(seen.count == expected)
}
