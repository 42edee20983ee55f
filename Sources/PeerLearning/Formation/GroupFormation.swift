/// Proposes diverse groups from the roster (SPEC "Group formation"); pure and deterministic.
public enum GroupFormation {
    /// `max(1, round(n / k))` groups, halves rounding up; `k` below 1 counts as 1.
    public static func groupCount(students n: Int, size k: Int) -> Int {
        // A size above the roster means one group; clamping first keeps `2n + k` from overflowing.
        let n = max(0, n), k = min(max(1, k), max(1, n))
        return max(1, (2 * n + k) / (2 * k))
    }

    /// The size of each group: `n` spread over `groupCount` groups, larger groups first,
    /// sizes differing by at most one. Empty for no students.
    public static func groupSizes(students n: Int, size k: Int) -> [Int] {
        guard n > 0 else { return [] }
        let count = groupCount(students: n, size: k)
        return (0..<count).map { n / count + ($0 < n % count ? 1 : 0) }
    }

    /// The best split found for `students` into groups of about `size`: a greedy start and
    /// random starts, each improved by swaps and moves until none helps, the best kept (see
    /// `SplitState` for the objective, which penalises pairs in `history`). Students are sorted
    /// by user id first, so the input order does not matter; the same roster and seed give the
    /// same proposal.
    public static func plan(students: [Student], size: Int, seed: UInt64,
                            history: [StudentPair: Int] = [:]) -> GroupProposal {
        let sorted = students.sorted { ($0.userID, $0.name) < ($1.userID, $1.name) }
        let sizes = groupSizes(students: sorted.count, size: size)
        guard !sizes.isEmpty else { return GroupProposal(groups: [], score: 0, mean: 0, randomBaseline: 0) }
        let model = CohortModel(students: sorted, history: history)
        let root = SeededGenerator(seed: seed)
        var best: SplitState?
        for restart in 0..<restartCount(students: sorted.count) {
            var random = root.derived(restart)
            let start: [Int]
            switch restart % 2 {
            case 0: start = greedyAssignment(model: model, sizes: sizes, shuffled: restart > 0, random: &random)
            default: start = randomAssignment(sizes: sizes, random: &random)
            }
            var state = SplitState(model: model, sizes: sizes, assignment: start)
            state.descend(random: &random)
            if best.map({ state.isBetter(than: $0) }) ?? true { best = state }
        }
        var baselineRandom = SeededGenerator(seed: seed)
        let baseline = randomAssignment(sizes: sizes, random: &baselineRandom)
        return GroupProposal(students: sorted, assignment: best?.groupOf ?? baseline,
                             baseline: baseline, history: history)
    }

    /// More restarts for small rosters, where they are cheap and where one missed swap shows;
    /// about as many pair evaluations in all whatever the size, and never fewer than one start.
    static func restartCount(students n: Int) -> Int {
        let pairs = max(1, n * (n - 1) / 2)
        return min(24, max(1, 300_000 / pairs))
    }
}
