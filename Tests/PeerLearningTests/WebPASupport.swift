import PeerLearning

/// A rating from `rater` to `subject` with the given five marks.
func rating(_ rater: String, _ subject: String, _ marks: [Int], _ comment: String? = nil) -> Rating {
    Rating(rater: rater, subject: subject, marks: marks, comment: comment)
}

/// Five equal marks.
func all(_ mark: Int) -> [Int] {
    Array(repeating: mark, count: 5)
}

/// Classic WebPA worked out here, without the bot's code, in exact fractions:
/// `T(i) = Σq Σj m(i,q,j)`, `R(j) = Σ(i submitted) m(i,j) / T(i)`, `w(j) = R(j) · n / s`.
/// `marks` holds only the raters who submitted: rater → subject → five marks.
func classicWebPA(_ marks: [String: [String: [Int]]], members: [String]) -> [String: ExactScore] {
    let s = marks.count
    var received = Dictionary(uniqueKeysWithValues: members.map { ($0, ExactScore(0, 1)) })
    for (_, given) in marks {
        let total = given.values.reduce(0) { $0 + $1.reduce(0, +) }
        for (subject, criteria) in given {
            received[subject] = received[subject]! + ExactScore(criteria.reduce(0, +), total)
        }
    }
    return received.mapValues { $0 * ExactScore(members.count, s) }
}

/// The ratings a marks table stands for.
func ratings(_ marks: [String: [String: [Int]]]) -> [Rating] {
    marks.flatMap { rater, given in given.map { rating(rater, $0.key, $0.value) } }
}

/// A small exact fraction for the tests' own sums.
struct ExactScore: Equatable {
    let numerator: Int
    let denominator: Int

    init(_ numerator: Int, _ denominator: Int) {
        var (a, b) = (numerator, denominator)
        while b != 0 { (a, b) = (b, a % b) }
        self.numerator = numerator / max(a, 1)
        self.denominator = denominator / max(a, 1)
    }

    var value: Double { Double(numerator) / Double(denominator) }

    /// Two decimals, halves away from zero: ⌊(200p + q) / 2q⌋ hundredths.
    var text: String {
        let hundredths = (200 * numerator + denominator) / (2 * denominator)
        let cents = hundredths % 100
        return "\(hundredths / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    static func + (l: ExactScore, r: ExactScore) -> ExactScore {
        ExactScore(l.numerator * r.denominator + r.numerator * l.denominator, l.denominator * r.denominator)
    }

    static func * (l: ExactScore, r: ExactScore) -> ExactScore {
        ExactScore(l.numerator * r.numerator, l.denominator * r.denominator)
    }
}
