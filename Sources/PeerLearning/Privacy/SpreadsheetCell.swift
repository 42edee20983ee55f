/// Export cells made safe to open in a spreadsheet, which would run a text starting with
/// `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula.
public enum SpreadsheetCell {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The text with a leading `'` when it could start a formula; plain numbers stay as they are.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(first), !isPlainNumber(text), !isUserID(text) else { return text }
        return "'" + text
    }

    /// `@anna:example.org`: a Matrix user id's characters allow no call, quote or `|`, so it
    /// cannot fetch or run anything, and the export's id columns stay as the ids are.
    private static func isUserID(_ text: String) -> Bool {
        let parts = text.dropFirst().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard text.hasPrefix("@"), parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let local = parts[0].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "._=-/".unicodeScalars.contains($0) }
        let server = parts[1].unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-:".unicodeScalars.contains($0)) }
        return local && server
    }

    /// `-3`, `-0.25`: a number is never a formula, and a prefix would make it text.
    private static func isPlainNumber(_ text: String) -> Bool {
        let digits = text.unicodeScalars.dropFirst()
        guard text.unicodeScalars.first == "-", let head = digits.first, ("0"..."9").contains(head) else { return false }
        var seenPoint = false
        for scalar in digits {
            if scalar == ".", !seenPoint { seenPoint = true; continue }
            guard ("0"..."9").contains(scalar) else { return false }
        }
        return digits.last != "."
    }
}
