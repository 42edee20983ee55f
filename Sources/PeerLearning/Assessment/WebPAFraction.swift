/// An exact non-negative fraction for WebPA scores, so a score that is exactly half a hundredth
/// (`1.125`) rounds away from zero as written, not as binary floating point happens to store it.
/// Every operation returns nil on overflow; the caller then falls back to `Double`.
struct WebPAFraction: Sendable, Equatable {
    private(set) var numerator: Int
    private(set) var denominator: Int

    static let zero = WebPAFraction(reduced: 0, 1)

    /// `numerator / denominator` in lowest terms; nil for a zero denominator.
    init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0 else { return nil }
        let divisor = Self.gcd(numerator, denominator)
        let sign = denominator < 0 ? -1 : 1
        self.init(reduced: sign * numerator / divisor, sign * denominator / divisor)
    }

    private init(reduced numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    var value: Double {
        Double(numerator) / Double(denominator)
    }

    func adding(_ other: WebPAFraction) -> WebPAFraction? {
        guard let left = Self.product(numerator, other.denominator),
              let right = Self.product(other.numerator, denominator),
              let bottom = Self.product(denominator, other.denominator) else { return nil }
        let (top, overflow) = left.addingReportingOverflow(right)
        return overflow ? nil : WebPAFraction(top, bottom)
    }

    /// `self · multiplier / divisor`.
    func scaled(by multiplier: Int, dividedBy divisor: Int) -> WebPAFraction? {
        guard let top = Self.product(numerator, multiplier),
              let bottom = Self.product(denominator, divisor) else { return nil }
        return WebPAFraction(top, bottom)
    }

    /// The value in hundredths, halves rounded away from zero: ⌊(200·p + q) / 2q⌋ for p ≥ 0.
    var roundedHundredths: Int? {
        guard numerator >= 0, let hundredfold = Self.product(numerator, 200),
              let doubled = Self.product(denominator, 2) else { return nil }
        let (top, overflow) = hundredfold.addingReportingOverflow(denominator)
        return overflow ? nil : top / doubled
    }

    private static func product(_ left: Int, _ right: Int) -> Int? {
        let (result, overflow) = left.multipliedReportingOverflow(by: right)
        return overflow ? nil : result
    }

    private static func gcd(_ left: Int, _ right: Int) -> Int {
        var (a, b) = (left.magnitude, right.magnitude)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : Int(a)
    }
}

/// Scores written with two decimals, the way reports and `peerbot.scores` show them.
enum WebPAScoreFormat {
    /// "1.05" from hundredths (105).
    static func text(hundredths: Int) -> String {
        let cents = hundredths % 100
        return "\(hundredths / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }

    /// Hundredths of a score known only as a `Double`; a value within 1e-9 of a half rounds up,
    /// as the exact fraction would have.
    static func hundredths(_ score: Double) -> Int {
        let scaled = score * 100
        let floor = scaled.rounded(.down)
        return Int(scaled - floor >= 0.5 - 1e-9 ? floor + 1 : floor)
    }
}

extension WebPAScoreFormat {
    /// "4.3": a mean with one decimal, halves away from zero.
    static func oneDecimal(_ value: Double) -> String {
        let scaled = value * 10
        let floor = scaled.rounded(.down)
        let tenths = Int(scaled - floor >= 0.5 - 1e-9 ? floor + 1 : floor)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
