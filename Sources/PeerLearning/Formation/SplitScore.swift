/// How good a split is: its worst group's diversity, then the mean over all groups.
/// Compared in that order, so a higher `worst` always wins and `mean` only breaks ties.
public struct SplitScore: Sendable, Equatable, Comparable, Codable {
    public var worst: Double
    public var mean: Double

    public init(worst: Double, mean: Double) {
        self.worst = worst
        self.mean = mean
    }

    public static func < (lhs: SplitScore, rhs: SplitScore) -> Bool {
        lhs.worst != rhs.worst ? lhs.worst < rhs.worst : lhs.mean < rhs.mean
    }
}

extension GroupFormation {
    /// The diversity of `group` within `cohort` (SPEC "Group formation"): for each attribute some
    /// cohort student has, `min(1, d_group / min(group size, d_cohort))` with `d` the number of
    /// distinct values present (compared case-insensitively); the group's score is the mean over
    /// those attributes. When no student has any attribute there is nothing to mix, and every
    /// group scores 1.0. An empty group scores 0.
    public static func diversity(of group: [Student], in cohort: [Student]) -> Double {
        diversity(of: group, cohortValues: distinctValues(cohort))
    }

    static func diversity(of group: [Student], cohortValues: [String: Set<String>]) -> Double {
        guard !group.isEmpty else { return 0 }
        guard !cohortValues.isEmpty else { return 1 }
        let groupValues = distinctValues(group)
        var sum = 0.0
        for (key, values) in cohortValues {
            let present = groupValues[key]?.count ?? 0
            sum += min(1, Double(present) / Double(min(group.count, values.count)))
        }
        return sum / Double(cohortValues.count)
    }

    /// The score of a whole split; the cohort is every student in it.
    public static func score(of split: [[Student]]) -> SplitScore {
        let cohortValues = distinctValues(split.flatMap { $0 })
        let scores = split.map { diversity(of: $0, cohortValues: cohortValues) }
        guard let worst = scores.min() else { return SplitScore(worst: 0, mean: 0) }
        return SplitScore(worst: worst, mean: scores.reduce(0, +) / Double(scores.count))
    }

    /// Attribute key → the distinct values (lower-cased) the students hold.
    static func distinctValues(_ students: [Student]) -> [String: Set<String>] {
        var values: [String: Set<String>] = [:]
        for student in students {
            for (key, list) in student.attributes {
                let normalizedKey = key.trimmingWhitespace().lowercased()
                for value in list {
                    let normalized = value.trimmingWhitespace().lowercased()
                    if !normalized.isEmpty { values[normalizedKey, default: []].insert(normalized) }
                }
            }
        }
        return values
    }
}
