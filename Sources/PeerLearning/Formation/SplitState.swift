/// One split under search, kept with per-group value counts so that the effect of a swap or
/// move is computed from the two groups it touches, not from the whole split.
///
/// Search objective: each group's score is its diversity minus `pairPenalty` for every earlier
/// time two of its members were together (a pair together twice before costs twice). Splits
/// compare by (worst adjusted group score, sum of adjusted group scores) in that order. With no
/// history this is exactly SPEC's (worst, mean); with history, of two equally diverse splits
/// the one with fewer repeated pairs wins, and a repeat is kept only when it buys more than
/// `pairPenalty` of its group's diversity (of the worst group's, if it sits in the worst group).
/// The penalty is not floored, so it separates splits even where diversity is 0.
struct SplitState {
    static let pairPenalty = 0.05
    /// Improvements smaller than this are rounding noise, not improvements.
    static let epsilon = 1e-9

    let model: CohortModel
    let groupCount: Int
    var groupOf: [Int]
    var size: [Int]
    /// `counts[g * featureCount + f]`: members of g holding feature f.
    var counts: [Int32]
    /// `distinct[g * attributeCount + a]`: distinct values of attribute a in g.
    var distinct: [Int32]
    var penalty: [Int]
    var score: [Double]
    var total: Double = 0
    /// The (up to) three lowest-scoring groups, lowest first.
    var lowest: [(score: Double, group: Int)] = []
    var scratch: [Int32]

    init(model: CohortModel, sizes: [Int], assignment: [Int]) {
        self.model = model
        groupCount = sizes.count
        groupOf = assignment
        size = [Int](repeating: 0, count: sizes.count)
        counts = [Int32](repeating: 0, count: sizes.count * model.featureCount)
        distinct = [Int32](repeating: 0, count: sizes.count * model.attributeCount)
        penalty = [Int](repeating: 0, count: sizes.count)
        score = [Double](repeating: 0, count: sizes.count)
        scratch = [Int32](repeating: 0, count: model.attributeCount)
        for student in 0..<model.studentCount { add(student, to: assignment[student]) }
        for student in 0..<model.studentCount {
            for k in model.historyStart[student]..<model.historyStart[student + 1]
            where model.historyOther[k] > student && assignment[model.historyOther[k]] == assignment[student] {
                penalty[assignment[student]] += model.historyCount[k]
            }
        }
        for group in 0..<groupCount { score[group] = adjustedScore(group, removing: -1, adding: -1, size: size[group], penalty: penalty[group]) }
        refreshSummary()
    }

    var worst: Double { lowest.first?.score ?? 0 }

    /// True when this split is better than `other` under the search objective.
    func isBetter(than other: SplitState) -> Bool {
        Self.improves(worst: worst, total: total, over: other.worst, other.total)
    }

    static func improves(worst: Double, total: Double, over oldWorst: Double, _ oldTotal: Double) -> Bool {
        if worst > oldWorst + epsilon { return true }
        return worst > oldWorst - epsilon && total > oldTotal + epsilon
    }

    /// Swaps students `i` and `j` (in different groups) if that improves the objective.
    mutating func trySwap(_ i: Int, _ j: Int) -> Bool {
        let a = groupOf[i], b = groupOf[j]
        let penaltyA = penalty[a] - together(i, in: a, except: -1) + together(j, in: a, except: i)
        let penaltyB = penalty[b] - together(j, in: b, except: -1) + together(i, in: b, except: j)
        let newA = adjustedScore(a, removing: i, adding: j, size: size[a], penalty: penaltyA)
        let newB = adjustedScore(b, removing: j, adding: i, size: size[b], penalty: penaltyB)
        guard accepts(a, newA, b, newB) else { return false }
        remove(i, from: a); remove(j, from: b)
        add(j, to: a); add(i, to: b)
        commit(a, newA, penaltyA, b, newB, penaltyB)
        return true
    }

    /// Moves student `i` to group `b` if that improves the objective; sizes must stay within one.
    mutating func tryMove(_ i: Int, to b: Int) -> Bool {
        let a = groupOf[i]
        let penaltyA = penalty[a] - together(i, in: a, except: -1)
        let penaltyB = penalty[b] + together(i, in: b, except: -1)
        let newA = adjustedScore(a, removing: i, adding: -1, size: size[a] - 1, penalty: penaltyA)
        let newB = adjustedScore(b, removing: -1, adding: i, size: size[b] + 1, penalty: penaltyB)
        guard accepts(a, newA, b, newB) else { return false }
        remove(i, from: a)
        add(i, to: b)
        commit(a, newA, penaltyA, b, newB, penaltyB)
        return true
    }

    private func accepts(_ a: Int, _ newA: Double, _ b: Int, _ newB: Double) -> Bool {
        var others = Double.infinity
        for entry in lowest where entry.group != a && entry.group != b {
            others = entry.score
            break
        }
        let newWorst = min(others, newA, newB)
        let newTotal = total - score[a] - score[b] + newA + newB
        return Self.improves(worst: newWorst, total: newTotal, over: worst, total)
    }

    private mutating func commit(_ a: Int, _ newA: Double, _ penaltyA: Int, _ b: Int, _ newB: Double, _ penaltyB: Int) {
        penalty[a] = penaltyA
        penalty[b] = penaltyB
        score[a] = newA
        score[b] = newB
        refreshSummary()
    }

    /// Times `student` was together before with the members of `group` other than `except`.
    private func together(_ student: Int, in group: Int, except: Int) -> Int {
        let start = model.historyStart[student], end = model.historyStart[student + 1]
        guard start < end else { return 0 }
        var sum = 0
        for k in start..<end {
            let other = model.historyOther[k]
            if other != except && groupOf[other] == group { sum += model.historyCount[k] }
        }
        return sum
    }
}
