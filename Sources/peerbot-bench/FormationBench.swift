import Foundation
import PeerLearning

/// `formation`: time to plan groups for a large synthetic roster (SPEC: 1,000 students into
/// groups of 4–6 in under a second).
struct FormationBench {
    let students: Int
    let runs: Int
    let json: Bool

    init(arguments: inout Arguments) throws {
        students = try arguments.count("students", default: 1000, minimum: 2)
        runs = try arguments.count("runs", default: 3)
        json = arguments.flag("json")
        try arguments.finish()
    }

    struct Row: Encodable {
        let size: Int
        let groups: Int
        let medianMs: Double
        let score: Double
        let randomBaseline: Double
        enum CodingKeys: String, CodingKey { case size, groups, score, medianMs = "median_ms", randomBaseline = "random_baseline" }
    }

    /// A roster with four attributes of mixed spread, some students with two values or none.
    static func roster(_ count: Int) -> [Student] {
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            var attributes: [String: [String]] = [
                "background": ["nursing", "physio", "medicine", "radiography"].shuffledPick(next),
                "style": ["visual", "verbal", "practical"].shuffledPick(next),
            ]
            if next(4) > 0 { attributes["strengths"] = ["communication", "wounds", "ecg", "acute", "pharmacology", "ethics"].shuffledPick(next, count: 1 + next(2)) }
            if next(3) > 0 { attributes["language"] = ["da", "en", "de", "ar", "pl"].shuffledPick(next) }
            return Student(userID: "@s\(index):bench", name: "Student \(index)", attributes: attributes)
        }
    }

    func run() throws {
        let roster = Self.roster(students)
        let clock = ContinuousClock()
        var rows: [Row] = []
        for size in 4...6 {
            var times: [Double] = []
            var proposal: GroupProposal?
            for run in 0..<runs {
                let start = clock.now
                proposal = GroupFormation.plan(students: roster, size: size, seed: UInt64(run + 1))
                let elapsed = clock.now - start
                times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            let median = times.sorted()[times.count / 2]
            rows.append(Row(size: size, groups: proposal?.groups.count ?? 0, medianMs: median,
                            score: proposal?.score ?? 0, randomBaseline: proposal?.randomBaseline ?? 0))
        }
        if json { return try Figures.printJSON(rows) }
        print("formation: \(students) students, \(runs) runs per size")
        for row in rows {
            print("  size \(row.size): \(row.groups) groups, median \(Figures.format(row.medianMs)) ms, "
                  + "score \(Figures.format(row.score)) (random split \(Figures.format(row.randomBaseline)))")
        }
        let worst = rows.map(\.medianMs).max() ?? 0
        print("  target < 1000 ms: \(worst < 1000 ? "met" : "not met") (slowest median \(Figures.format(worst)) ms)")
    }
}

private extension Array where Element == String {
    func shuffledPick(_ next: (Int) -> Int, count: Int = 1) -> [String] {
        var pool = self
        var picked: [String] = []
        for _ in 0..<Swift.min(count, pool.count) { picked.append(pool.remove(at: next(pool.count))) }
        return picked
    }
}
