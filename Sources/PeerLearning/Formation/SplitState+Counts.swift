extension SplitState {
    /// Group `group`'s diversity minus its pair penalty, as it would be after taking out
    /// `removing` and putting in `adding` (-1 for neither) with the given size and penalty.
    mutating func adjustedScore(_ group: Int, removing: Int, adding: Int, size newSize: Int, penalty: Int) -> Double {
        let attributes = model.attributeCount
        guard newSize > 0 else { return 0 }
        let pairCost = SplitState.pairPenalty * Double(penalty)
        guard attributes > 0 else { return 1 - pairCost }
        let featureStart = model.featureStart, featureList = model.featureList
        let attributeOf = model.attributeOfFeature, inverse = model.inverseDenominator
        let base = group * model.featureCount
        let removed = removing < 0 ? 0..<0 : featureStart[removing]..<featureStart[removing + 1]
        let added = adding < 0 ? 0..<0 : featureStart[adding]..<featureStart[adding + 1]
        // A value leaves when its last holder goes and the newcomer lacks it; it arrives when
        // nobody held it (the leaving student then did not hold it either).
        for k in removed where counts[base + featureList[k]] == 1 {
            var newcomerHoldsIt = false
            for other in added where featureList[other] == featureList[k] { newcomerHoldsIt = true }
            if !newcomerHoldsIt { scratch[attributeOf[featureList[k]]] -= 1 }
        }
        for k in added where counts[base + featureList[k]] == 0 {
            scratch[attributeOf[featureList[k]]] += 1
        }
        var sum = 0.0
        let inverseBase = newSize * attributes
        let distinctBase = group * attributes
        for attribute in 0..<attributes {
            let share = Double(distinct[distinctBase + attribute] + scratch[attribute]) * inverse[inverseBase + attribute]
            sum += share < 1 ? share : 1
        }
        for k in removed { scratch[attributeOf[featureList[k]]] = 0 }
        for k in added { scratch[attributeOf[featureList[k]]] = 0 }
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
