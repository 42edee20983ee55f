extension SplitState {
    /// Group `group`'s diversity minus its pair penalty, as it would be after taking out
    /// `removing` and putting in `adding` (either may be nil) with the given size and penalty.
    mutating func adjustedScore(_ group: Int, removing: Int?, adding: Int?, size newSize: Int, penalty: Int) -> Double {
        let attributes = model.attributeCount
        guard newSize > 0 else { return 0 }
        let pairCost = SplitState.pairPenalty * Double(penalty)
        guard attributes > 0 else { return 1 - pairCost }
        let base = group * model.featureCount
        let removed = removing.map { model.features[$0] } ?? []
        let added = adding.map { model.features[$0] } ?? []
        for feature in removed {
            counts[base + feature] -= 1
            if counts[base + feature] == 0 { scratch[model.attributeOfFeature[feature]] -= 1 }
        }
        for feature in added {
            if counts[base + feature] == 0 { scratch[model.attributeOfFeature[feature]] += 1 }
            counts[base + feature] += 1
        }
        var sum = 0.0
        let inverseBase = newSize * attributes
        let distinctBase = group * attributes
        for attribute in 0..<attributes {
            let present = Double(distinct[distinctBase + attribute] + scratch[attribute])
            sum += min(1, present * model.inverseDenominator[inverseBase + attribute])
        }
        for feature in added { counts[base + feature] -= 1; scratch[model.attributeOfFeature[feature]] = 0 }
        for feature in removed { counts[base + feature] += 1; scratch[model.attributeOfFeature[feature]] = 0 }
        return sum / Double(attributes) - pairCost
    }

    mutating func add(_ student: Int, to group: Int) {
        let base = group * model.featureCount
        for feature in model.features[student] {
            if counts[base + feature] == 0 { distinct[group * model.attributeCount + model.attributeOfFeature[feature]] += 1 }
            counts[base + feature] += 1
        }
        size[group] += 1
        groupOf[student] = group
    }

    mutating func remove(_ student: Int, from group: Int) {
        let base = group * model.featureCount
        for feature in model.features[student] {
            counts[base + feature] -= 1
            if counts[base + feature] == 0 { distinct[group * model.attributeCount + model.attributeOfFeature[feature]] -= 1 }
        }
        size[group] -= 1
    }

    /// Recomputes the total and the three lowest groups after a change.
    mutating func refreshSummary() {
        total = score.reduce(0, +)
        var three: [(score: Double, group: Int)] = []
        for (group, value) in score.enumerated() {
            if three.count < 3 || value < three[2].score {
                if three.count == 3 { three.removeLast() }
                let position = three.firstIndex { value < $0.score } ?? three.count
                three.insert((value, group), at: position)
            }
        }
        lowest = three
    }
}
