/// A day of the week, numbered as in ISO 8601 (Monday = 1).
public enum Weekday: Int, Sendable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Reads English or Danish names and their short forms (`wed`, `ons`, `onsdag`, `lør`).
    public init?(word: String) {
        let word = word.lowercased().trimmingSuffix(".")
        guard let day = Weekday.allCases.first(where: { $0.names.contains(word) }) else {
            return nil
        }
        self = day
    }

    private var names: [String] {
        switch self {
        case .monday: ["mon", "monday", "man", "mandag"]
        case .tuesday: ["tue", "tues", "tuesday", "tir", "tirs", "tirsdag"]
        case .wednesday: ["wed", "wednesday", "ons", "onsdag"]
        case .thursday: ["thu", "thur", "thurs", "thursday", "tor", "tors", "torsdag"]
        case .friday: ["fri", "friday", "fre", "fredag"]
        case .saturday: ["sat", "saturday", "lør", "lørdag"]
        case .sunday: ["sun", "sunday", "søn", "søndag"]
        }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
