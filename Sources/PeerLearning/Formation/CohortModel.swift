/// The roster in the form the search works on: students by index, each attribute value a
/// numbered feature, earlier pairs as per-student neighbour lists. A class, so the search
/// shares one copy instead of copying a dozen arrays around.
final class CohortModel: Sendable {
    let studentCount: Int
    let attributeCount: Int
    let featureCount: Int
    /// Student → the features (attribute values) they hold, each once.
    let features: [[Int]]
    /// The same, flat for the search's inner loop: student s holds
    /// `featureList[featureStart[s]..<featureStart[s + 1]]`.
    let featureStart: [Int]
    let featureList: [Int]
    /// Feature → its attribute.
    let attributeOfFeature: [Int]
    /// `inverseDenominator[size * attributeCount + a]` = 1 / min(size, d_cohort(a)).
    let inverseDenominator: [Double]
    /// Student s was together before with `historyOther[k]`, `historyCount[k]` times, for k in
    /// `historyStart[s]..<historyStart[s + 1]`.
    let historyStart: [Int]
    let historyOther: [Int]
    let historyCount: [Int]

    init(students: [Student], history pairs: [StudentPair: Int]) {
        studentCount = students.count
        let values = GroupFormation.distinctValues(students)
        let keys = values.keys.sorted()
        var featureIndex: [String: [String: Int]] = [:]
        var attributeOfFeature: [Int] = []
        for (attribute, key) in keys.enumerated() {
            for value in (values[key] ?? []).sorted() {
                featureIndex[key, default: [:]][value] = attributeOfFeature.count
                attributeOfFeature.append(attribute)
            }
        }
        features = students.map { student in
            var own: Set<Int> = []
            for (key, list) in student.attributes {
                let normalizedKey = key.trimmingWhitespace().lowercased()
                for value in list {
                    if let feature = featureIndex[normalizedKey]?[value.trimmingWhitespace().lowercased()] {
                        own.insert(feature)
                    }
                }
            }
            return own.sorted()
        }
        featureStart = features.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        featureList = features.flatMap { $0 }
        self.attributeOfFeature = attributeOfFeature
        attributeCount = keys.count
        featureCount = attributeOfFeature.count
        var inverse = [Double](repeating: 0, count: (students.count + 1) * keys.count)
        for size in 1...max(1, students.count) where size <= students.count {
            for (attribute, key) in keys.enumerated() {
                inverse[size * keys.count + attribute] = 1 / Double(min(size, values[key]?.count ?? 1))
            }
        }
        inverseDenominator = inverse
        let history = CohortModel.neighbours(students: students, pairs: pairs)
        historyStart = history.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        historyOther = history.flatMap { $0.map(\.other) }
        historyCount = history.flatMap { $0.map(\.count) }
    }

    private static func neighbours(students: [Student], pairs: [StudentPair: Int]) -> [[(other: Int, count: Int)]] {
        var index: [String: Int] = [:]
        for (position, student) in students.enumerated() where index[student.userID] == nil {
            index[student.userID] = position
        }
        var lists = [[(other: Int, count: Int)]](repeating: [], count: students.count)
        for (pair, count) in pairs.sorted(by: { ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }) {
            guard count > 0, let one = index[pair.first], let other = index[pair.second], one != other else { continue }
            lists[one].append((other, count))
            lists[other].append((one, count))
        }
        return lists
    }
}
