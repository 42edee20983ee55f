import Foundation

/// One step of answering a student text the patient guard masked, in the order the runtime applies it.
public enum GuardResponseEffect: Sendable, Equatable {
    /// Redact the student's message where it was posted, giving `reason`.
    case redact(reason: String)
    /// Send `message` to the student's direct room (made first if they have none), mentioning them.
    case tell(userID: String, BotMessage)
}

/// What the bot does about a student text with a patient identifier (SPEC: Patient
/// confidentiality): with `patient_guard: redact` the message is redacted, and in either mode
/// the student is told privately what was kept.
public struct GuardResponse: Sendable, Equatable {
    public var effects: [GuardResponseEffect]

    public init(effects: [GuardResponseEffect]) {
        self.effects = effects
    }

    /// The reason on every redaction the guard makes.
    public static let redactionReason = "patient identifier"

    /// Nothing when the guard found nothing (or is off). `groupText` when the message was not in
    /// the student's own direct room; `say` speaks the language of that direct room.
    public static func decide(_ result: GuardedText, mode: PatientGuardMode, sender: String, groupText: Bool,
                              say: Texts) -> GuardResponse {
        guard mode != .off, result.isMasked else { return GuardResponse(effects: []) }
        var effects: [GuardResponseEffect] = mode == .redact ? [.redact(reason: redactionReason)] : []
        effects.append(.tell(userID: sender, say.patientGuard.guardNotice(kinds: result.kinds, kept: result.text, mode: mode,
                                                                          groupText: groupText)))
        return GuardResponse(effects: effects)
    }
}
