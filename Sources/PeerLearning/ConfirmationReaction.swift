/// The reactions to a goals message that count as "I understand the goals".
public enum ConfirmationReaction {
    /// ✅ (U+2705), ✔️ (U+2714 U+FE0F), ✔ (U+2714), 👍 (U+1F44D).
    public static let all: [String] = ["\u{2705}", "\u{2714}\u{FE0F}", "\u{2714}", "\u{1F44D}"]

    /// True for one of `all`, also with a skin tone or a presentation selector added (👍🏽).
    public static func isConfirmation(_ key: String) -> Bool {
        let base = key.unicodeScalars.filter { scalar in
            !(0xFE0E...0xFE0F).contains(scalar.value) && !(0x1F3FB...0x1F3FF).contains(scalar.value)
        }
        guard base.count == 1, let scalar = base.first else { return false }
        return [0x2705, 0x2714, 0x1F44D].contains(scalar.value)
    }
}
