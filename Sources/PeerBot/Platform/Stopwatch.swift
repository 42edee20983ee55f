/// Milliseconds since a start on the monotonic clock, for the debug-level timing lines that show
/// where a reply's time goes (never a key or a text, only durations).
struct Stopwatch: Sendable {
    private var last = ContinuousClock.now

    init() {}

    /// Milliseconds since the previous lap (or the start), as text with 0.01 ms resolution.
    mutating func lap() -> String {
        let now = ContinuousClock.now
        defer { last = now }
        return Self.format(now - last)
    }

    /// Milliseconds since the process first asked, so lines of different tasks line up.
    static var uptime: String { format(ContinuousClock.now - origin) }
    private static let origin = ContinuousClock.now

    private static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + attoseconds / 10_000_000_000_000
        return "\(hundredths / 100).\(String(hundredths % 100).leftPadded(2))"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
