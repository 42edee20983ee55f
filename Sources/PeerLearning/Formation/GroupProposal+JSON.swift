extension GroupProposal {
    /// `{"score": 0.91, "random_baseline": 0.62, "groups": [{"name": "A", "score": 0.93,
    /// "members": ["@anna:hs", …]}, …]}` on one line, scores rounded to two decimals.
    public func json() -> String {
        let groupObjects = groups.map { group in
            "{\"name\": \(Self.jsonString(group.name)), \"score\": \(Self.twoDecimals(group.score)), "
                + "\"members\": [" + group.members.map(Self.jsonString).joined(separator: ", ") + "]}"
        }
        return "{\"score\": \(Self.twoDecimals(score)), \"random_baseline\": \(Self.twoDecimals(randomBaseline)), "
            + "\"groups\": [" + groupObjects.joined(separator: ", ") + "]}"
    }

    /// `0.625` → `0.63`: halves round up, always two decimals, `separator` between. The nudge
    /// keeps a half that binary floating point stores as 0.4999… rounding up too.
    static func twoDecimals(_ value: Double, separator: String = ".") -> String {
        let nudge = value < 0 ? -1e-9 : 1e-9
        let cents = Int((value * 100 + nudge).rounded(.toNearestOrAwayFromZero))
        let sign = cents < 0 ? "-" : ""
        let magnitude = abs(cents)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100)\(separator)\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A JSON string literal; user ids may hold quotes or backslashes.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
