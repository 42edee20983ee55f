/// Export cells made safe to open in a spreadsheet, which would run a text starting with
/// `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula.
public enum SpreadsheetCell {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The text with a leading `'` when it could start a formula; plain numbers stay as they are.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
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
