import PeerLearning

extension BotConfig {
    /// Every key with the value in force, one line each, for `check-config --settings`: marked
    /// `[default]` when the file leaves it as declared, `[restart]` when a reload does not apply it.
    /// The access token shows as `<redacted>`.
    public var settings: [String] {
        let declared = BotConfig(homeserver: homeserver, userID: userID, accessToken: accessToken, supervisors: supervisors,
                                 databasePath: databasePath,
                                 timeZone: ZoneRules.named(ConfigKey.timezone.parsedDefault { $0 }) ?? timeZone)
        return ConfigKey.all.map { key in
            let value = key.shown(self)
            var marks: [String] = []
            // The required keys and the database path have no declared value to compare with.
            if key.section == .optional, key != .database, value == key.shown(declared) { marks.append("default") }
            if key.reload == .restart { marks.append("restart") }
            return "\(key.name): \(value)" + (marks.isEmpty ? "" : "  [" + marks.joined(separator: ", ") + "]")
        }
    }
}

extension ConfigKey {
    /// A duration as the file would write it: 24h, 1h30m, 45s, 0.
    static func durationText(_ duration: Duration) -> String {
        let total = Int(duration.components.seconds)
        guard total > 0 else { return "0" }
        let parts = [(total / 3600, "h"), (total % 3600 / 60, "m"), (total % 60, "s")]
        return parts.filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }.joined()
    }

    /// A list as YAML's flow style writes it.
    static func listText(_ items: [String]) -> String {
        "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }

    /// `mon 08:00`.
    static func weeklyText(_ time: WeeklyTime) -> String {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        let day = days[(time.weekday.rawValue - 1) % days.count]
        return day + " " + (time.hour < 10 ? "0" : "") + "\(time.hour):" + (time.minute < 10 ? "0" : "") + "\(time.minute)"
    }
}
