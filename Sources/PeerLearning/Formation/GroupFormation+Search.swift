extension GroupFormation {
    /// Students dealt at random into the group slots.
    static func randomAssignment(sizes: [Int], random: inout SeededGenerator) -> [Int] {
        var slots = sizes.enumerated().flatMap { group, size in [Int](repeating: group, count: size) }
        random.shuffle(&slots)
        return slots
    }

    /// Students with the rarest values first, each into the open group where their values are
    /// newest (then the emptiest group, then the first). With `shuffled`, students of equal
    /// rarity come in random order, so every restart starts somewhere else.
    static func greedyAssignment(model: CohortModel, sizes: [Int], shuffled: Bool, random: inout SeededGenerator) -> [Int] {
        var frequency = [Int](repeating: 0, count: model.featureCount)
        for features in model.features { for feature in features { frequency[feature] += 1 } }
        var order = Array(0..<model.studentCount)
        if shuffled { random.shuffle(&order) }
        let rarity = model.features.map { $0.map { frequency[$0] }.min() ?? Int.max }
        order = order.indices.sorted { (rarity[order[$0]], $0) < (rarity[order[$1]], $1) }.map { order[$0] }
        var present = [Set<Int>](repeating: [], count: sizes.count)
        var filled = [Int](repeating: 0, count: sizes.count)
        var assignment = [Int](repeating: 0, count: model.studentCount)
        for student in order {
            var chosen = -1, chosenGain = -1, chosenFill = Int.max
            for group in sizes.indices where filled[group] < sizes[group] {
                let gain = model.features[student].filter { !present[group].contains($0) }.count
                if gain > chosenGain || (gain == chosenGain && filled[group] < chosenFill) {
                    (chosen, chosenGain, chosenFill) = (group, gain, filled[group])
                }
            }
            assignment[student] = chosen
            filled[chosen] += 1
            present[chosen].formUnion(model.features[student])
        }
        return assignment
    }
}

extension SplitState {
    /// First-improvement local search: every pair of students in different groups is tried as a
    /// swap, and every student as a move to a group one smaller than its own; passes repeat in a
    /// fresh random order until a whole pass changes nothing.
    mutating func descend(random: inout SeededGenerator) {
        let n = model.studentCount
        var order = Array(0..<n)
        let unequalSizes = Set(size).count > 1
        for _ in 0..<1_000 {
            random.shuffle(&order)
            var improved = false
            for first in 0..<n {
                let i = order[first]
                for second in (first + 1)..<n where groupOf[order[second]] != groupOf[i] {
                    if trySwap(i, order[second]) { improved = true }
                }
                guard unequalSizes else { continue }
                for group in 0..<groupCount where size[group] + 1 == size[groupOf[i]] {
                    if tryMove(i, to: group) { improved = true; break }
                }
            }
            if !improved { return }
        }
    }
}
