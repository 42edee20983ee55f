/// The coarse band a student is told about their own WebPA score, instead of the number.
public enum WebPABand: String, Sendable, Equatable, CaseIterable, Codable {
    /// Below 0.90.
    case below
    /// 0.90 to 1.10, both included.
    case around
    /// Above 1.10.
    case above

    /// From a score as reported (the caller rounds to two decimals first, as `band` does).
    public init(score: Double) {
        if score < 0.9 - 1e-9 {
            self = .below
        } else if score > 1.1 + 1e-9 {
            self = .above
        } else {
            self = .around
        }
    }

    /// "below the group average" / "under gruppens gennemsnit".
    public func description(in language: Language) -> String {
        switch (self, language) {
        case (.below, .da): "under gruppens gennemsnit"
        case (.below, .en): "below the group average"
        case (.around, .da): "omkring gruppens gennemsnit"
        case (.around, .en): "around the group average"
        case (.above, .da): "over gruppens gennemsnit"
        case (.above, .en): "above the group average"
        }
    }
}
