import Foundation

/// The WebPA scores the contract defines, worked out by the test from the marks it submitted,
/// in exact fractions, without the bot's code: for each rater `i` who submitted, `P(i)` is whom
/// they rated and `F(i,j) = Σq m(i,q,j) / Σq Σk∈P(i) m(i,q,k)`; `A(j)` is the raters who rated `j`;
/// `w(j) = (1/|A(j)|) · Σ(i∈A(j)) F(i,j) · |P(i)|`. A member nobody rated has no score.
enum WebPAExpectation {
    /// rater → subject → the five marks, one per criterion.
    typealias Marks = [String: [String: [Int]]]

    /// Every rated member's score as the bot must report it: two decimals, half away from zero.
    static func scores(_ marks: Marks, members: [String]) -> [String: String] {
        hundredths(marks, members: members).mapValues(text)
    }

    /// Every rated member's score in hundredths, rounded half away from zero.
    static func hundredths(_ marks: Marks, members: [String]) -> [String: Int] {
        var sums: [String: (Fraction, Int)] = [:]
        for (_, given) in marks where !given.isEmpty {
            let total = given.values.reduce(0) { $0 + $1.reduce(0, +) }
            for (subject, criteria) in given {
                let (sum, raters) = sums[subject] ?? (.zero, 0)
                sums[subject] = (sum + Fraction(criteria.reduce(0, +) * given.count, total), raters + 1)
            }
        }
        return sums.mapValues { sum, raters in
            let score = sum * Fraction(1, raters)
            // Half away from zero for a non-negative value: floor(100·w + 1/2).
            return (200 * score.numerator + score.denominator) / (2 * score.denominator)
        }
    }

    /// Classic WebPA's `R(j) · n / s`, to show what the fair score avoids.
    static func classicHundredths(_ marks: Marks, members: [String]) -> [String: Int] {
        let raters = marks.filter { !$0.value.isEmpty }
        var received = Dictionary(uniqueKeysWithValues: members.map { ($0, Fraction.zero) })
        for (_, given) in raters {
            let total = given.values.reduce(0) { $0 + $1.reduce(0, +) }
            for (subject, criteria) in given { received[subject] = (received[subject] ?? .zero) + Fraction(criteria.reduce(0, +), total) }
        }
        return received.mapValues { share in
            let score = share * Fraction(members.count, raters.count)
            return (200 * score.numerator + score.denominator) / (2 * score.denominator)
        }
    }

    /// `1,05` with the Danish decimal comma.
    static func danish(_ hundredths: Int) -> String {
        text(hundredths).replacingOccurrences(of: ".", with: ",")
    }

    /// `below` under 0.90, `above` over 1.10, `around` between, both ends included.
    static func band(hundredths: Int) -> String {
        hundredths < 90 ? "below" : hundredths > 110 ? "above" : "around"
    }

    static func text(_ hundredths: Int) -> String {
        let cents = hundredths % 100
        return "\(hundredths / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
}

/// A non-negative fraction in lowest terms; small enough here that `Int` never overflows.
struct Fraction: Equatable, Sendable {
    let numerator: Int
    let denominator: Int

    static let zero = Fraction(0, 1)

    init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator > 0 && numerator >= 0)
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    static func + (left: Fraction, right: Fraction) -> Fraction {
        Fraction(left.numerator * right.denominator + right.numerator * left.denominator, left.denominator * right.denominator)
    }

    static func * (left: Fraction, right: Fraction) -> Fraction {
        Fraction(left.numerator * right.numerator, left.denominator * right.denominator)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? max(a, 1) : gcd(b, a % b)
    }
}
