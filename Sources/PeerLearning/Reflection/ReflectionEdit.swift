import Foundation

/// What a student's edit (`m.replace`) of a reflection the bot kept does to it.
public enum ReflectionEdit: Sendable, Equatable {
    /// Emptied: the reflection is removed, as if it had never been sent.
    case remove
    /// Too long: the kept text stays as it was, and the student is told why, in reply to the edit.
    case refuse(BotMessage)
    /// The kept text becomes the edit's, masked where the patient guard found an identifier.
    case replace(text: String, masked: Bool)

    /// The edit's text that goes through the patient guard first: trimmed, nil when it is
    /// blank or too long (nothing of it is kept then).
    public static func textToGuard(_ edited: String) -> String? {
        let trimmed = edited.trimmingCharacters(in: .whitespacesAndNewlines)
        return TextLimits.isBlank(trimmed) || trimmed.count > TextKind.reflection.limit ? nil : trimmed
    }

    /// `guarded` is `textToGuard(edited)` after the patient guard; `say` speaks the deployment's language.
    public static func decide(_ edited: String, guarded: GuardedText?, say: Texts) -> ReflectionEdit {
        let trimmed = edited.trimmingCharacters(in: .whitespacesAndNewlines)
        if TextLimits.isBlank(trimmed) { return .remove }
        guard trimmed.count <= TextKind.reflection.limit, let guarded else {
            return .refuse(say.textTooLong(.reflection, length: trimmed.count))
        }
        return .replace(text: guarded.text, masked: guarded.isMasked)
    }
}
