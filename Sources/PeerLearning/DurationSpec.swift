/// A positive length of time written as `90m`, `1h30m`, `2h`, `45s`, `1d` or a combination.
public struct DurationSpec: Equatable, Sendable {
    public let seconds: Int

    /// Ten years: longer than anything the bot times, short enough that no date arithmetic
    /// on it can leave the calendar's range.
    public static let longest = 3_660 * 86_400

    public init?(seconds: Int) {
        guard seconds > 0, seconds <= Self.longest else { return nil }
        self.seconds = seconds
    }

    /// Reads `<number><unit>` parts with units `d`, `h`, `m`, `s` in that order, each at most
    /// once (`1h30m15s`); nil for empty, zero, negative, over `longest` or anything else.
    public static func parse(_ s: String) -> DurationSpec? {
        let units: [(Character, Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        var total = 0
        var nextUnit = 0
        var digits = ""
        for char in s.lowercased() {
            if char.isASCII, char.isNumber {
                digits.append(char)
                continue
            }
            guard !digits.isEmpty, let amount = Int(digits),
                  let index = units[nextUnit...].firstIndex(where: { $0.0 == char })
            else { return nil }
            let (part, overflow) = amount.multipliedReportingOverflow(by: units[index].1)
            guard !overflow, part <= Self.longest - total else { return nil }
            total += part
            nextUnit = index + 1
            digits = ""
        }
        guard digits.isEmpty else { return nil }
        return DurationSpec(seconds: total)
    }
}
