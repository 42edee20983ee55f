import Foundation

/// The WebPA scores the contract defines, worked out by the test from the marks it submitted,
/// in exact fractions, without the bot's code:
/// T(i) = Σq Σj m(i,q,j); f(i,q,j) = m(i,q,j) / T(i); R(j) = Σ(i submitted) Σq f(i,q,j);
/// w(j) = R(j) · n / s, where n counts every member and s only those who submitted.
enum WebPAExpectation {
    /// rater → subject → the five marks, one per criterion.
    typealias Marks = [String: [String: [Int]]]

    /// Every member's score as the bot must report it: two decimals, half away from zero.
    /// Empty when nobody submitted.
    static func scores(_ marks: Marks, members: [String]) -> [String: String] {
        hundredths(marks, members: members).mapValues(text)
    }

    /// Every member's score in hundredths, rounded half away from zero.
    static func hundredths(_ marks: Marks, members: [String]) -> [String: Int] {
        let submitted = marks.keys.filter { !(marks[$0] ?? [:]).isEmpty }
        let n = members.count
        let s = submitted.count
        guard s > 0 else { return [:] }
        var received = Dictionary(uniqueKeysWithValues: members.map { ($0, Fraction.zero) })
        for rater in submitted {
            let given = marks[rater] ?? [:]
            let total = given.values.reduce(0) { $0 + $1.reduce(0, +) }
            for (subject, criteria) in given {
                for mark in criteria {
                    received[subject] = (received[subject] ?? .zero) + Fraction(mark, total)
                }
            }
        }
        return received.mapValues { share in
            let score = share * Fraction(n, s)
            // Half away from zero for a non-negative value: floor(100·w + 1/2).
            return (200 * score.numerator + score.denominator) / (2 * score.denominator)
        }
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
