@testable import PeerLearning

/// Random rosters for formation tests: a few attributes with small value pools; some students
/// hold two values of an attribute, some none.
func randomRoster(students n: Int, random: inout SeededGenerator, attributes: Int? = nil) -> [Student] {
    let keys = ["strengths", "background", "style", "year"].prefix(attributes ?? (1 + random.below(4)))
    let pools = keys.map { key in (key, (0..<(2 + random.below(4))).map { "\(key)-\($0)" }) }
    return (0..<n).map { index in
        var attributes: [String: [String]] = [:]
        for (key, pool) in pools {
            let roll = random.below(100)
            let count = roll < 15 ? 0 : (roll < 35 ? 2 : 1)
            attributes[key] = (0..<count).map { _ in pool[random.below(pool.count)] }
        }
        return Student(userID: "@s\(index):hs", name: "Student \(index)", attributes: attributes)
    }
}

/// A test-side scorer, written from SPEC with bit masks so it shares no code with the planner:
/// per attribute, each student's values as bits; a group's distinct count is the popcount of
/// the OR of its members' masks.
struct MaskScorer {
    let masks: [[UInt64]]  // student → attribute → value bits
    let cohortDistinct: [Int]

    init(_ students: [Student]) {
        var valueBits: [String: [String: Int]] = [:]
        for student in students {
            for (key, values) in student.attributes {
                for value in values where valueBits[key]?[value.lowercased()] == nil {
                    valueBits[key, default: [:]][value.lowercased()] = valueBits[key]?.count ?? 0
                }
            }
        }
        let keys = valueBits.keys.sorted()
        cohortDistinct = keys.map { valueBits[$0]!.count }
        masks = students.map { student in
            keys.map { key in
                (student.attributes[key] ?? []).reduce(UInt64(0)) { $0 | (1 << UInt64(valueBits[key]![$1.lowercased()]!)) }
            }
        }
    }

    func groupScore(_ members: [Int]) -> Double {
        guard !cohortDistinct.isEmpty else { return 1 }
        var sum = 0.0
        for attribute in cohortDistinct.indices {
            let union = members.reduce(UInt64(0)) { $0 | masks[$1][attribute] }
            sum += min(1, Double(union.nonzeroBitCount) / Double(min(members.count, cohortDistinct[attribute])))
        }
        return sum / Double(cohortDistinct.count)
    }

    func splitScore(_ groups: [[Int]]) -> (worst: Double, mean: Double) {
        let scores = groups.map(groupScore)
        return (scores.min()!, scores.reduce(0, +) / Double(scores.count))
    }
}

/// (worst, mean) comparison that treats differences below 1e-9 as rounding.
func isBetter(_ a: (worst: Double, mean: Double), than b: (worst: Double, mean: Double)) -> Bool {
    if a.worst > b.worst + 1e-9 { return true }
    return a.worst > b.worst - 1e-9 && a.mean > b.mean + 1e-9
}

/// Every split of students `0..<n` (n ≤ 16) into groups of the given sizes, each split once:
/// the lowest unplaced student always opens the next group, which makes group order canonical
/// and skips the splits that differ only in the order of their groups. Groups are bit masks.
func forEachSplit(students n: Int, sizes: [Int], _ body: ([UInt32]) -> Void) {
    var remaining = [Int](repeating: 0, count: (sizes.max() ?? 0) + 1)
    for size in sizes { remaining[size] += 1 }
    // Every group a student can open: subsets of the right sizes, keyed by their lowest member.
    var opening = [[UInt32]](repeating: [], count: n)
    let wanted = Set(sizes)
    for mask in UInt32(1)..<(UInt32(1) << UInt32(n)) where wanted.contains(mask.nonzeroBitCount) {
        opening[mask.trailingZeroBitCount].append(mask)
    }
    var groups: [UInt32] = []
    func place(_ unplaced: UInt32) {
        guard unplaced != 0 else { body(groups); return }
        for group in opening[unplaced.trailingZeroBitCount] where group & ~unplaced == 0 {
            let size = group.nonzeroBitCount
            guard size < remaining.count, remaining[size] > 0 else { continue }
            remaining[size] -= 1
            groups.append(group)
            place(unplaced & ~group)
            groups.removeLast()
            remaining[size] += 1
        }
    }
    place(n == 32 ? ~0 : (UInt32(1) << UInt32(n)) - 1)
}

/// The members of a bit-mask group, lowest first.
func members(_ group: UInt32) -> [Int] {
    (0..<32).filter { group & (UInt32(1) << UInt32($0)) != 0 }
}
