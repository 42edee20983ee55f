import Foundation

extension ZoneRules {
    /// The zone named `identifier` in the system's time zone database (`TZDIR`, else
    /// `/usr/share/zoneinfo`); nil when there is no such zone. `UTC` needs no file.
    public static func named(_ identifier: String, directory: String? = nil) -> ZoneRules? {
        if ["UTC", "Etc/UTC", "Z", "Zulu", "GMT", "Etc/GMT"].contains(identifier) { return utc }
        // Only IANA-shaped names: letters, digits, `_+-` and single `/` between parts, no `..`.
        let parts = identifier.split(separator: "/", omittingEmptySubsequences: false)
        let allowed = parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".."
                && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_+-".unicodeScalars.contains($0)) }
        }
        guard allowed else { return nil }
        let base = directory ?? ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        guard let data = FileManager.default.contents(atPath: base + "/" + identifier) else { return nil }
        return try? ZoneRules(tzif: [UInt8](data), identifier: identifier)
    }
}
