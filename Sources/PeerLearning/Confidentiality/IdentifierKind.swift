/// What kind of patient identifier the guard found.
public enum IdentifierKind: String, Sendable, CaseIterable, Codable {
    /// A Danish CPR number whose first six digits are a real date.
    case cpr
    /// A capitalised name behind a title (`hr.`, `fru`, `Mrs` …).
    case name
    /// A room or bed (`stue 4 seng 2`, `room 12 bed 3`).
    case bed
    /// A match of one of the administrator's `patient_guard_patterns`.
    case custom

    /// What the identifier is replaced by in everything the bot keeps.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.cpr, _): "[CPR]"
        case (.name, .da): "[navn]"
        case (.name, .en): "[name]"
        case (.bed, .da): "[seng]"
        case (.bed, .en): "[bed]"
        case (.custom, .da): "[skjult]"
        case (.custom, .en): "[hidden]"
        }
    }
}

/// One identifier in a text: where it is (a range of the text's own indices) and its kind.
public struct IdentifierSpan: Sendable, Equatable {
    public var kind: IdentifierKind
    public var range: Range<String.Index>

    public init(kind: IdentifierKind, range: Range<String.Index>) {
        self.kind = kind
        self.range = range
    }
}

/// How the bot treats a student text with a patient identifier (`patient_guard`).
public enum PatientGuardMode: String, Sendable, CaseIterable {
    /// Keep a masked copy and redact the message wherever it was posted (the default).
    case redact
    /// Keep a masked copy; the message itself stays.
    case mask
    /// No checking at all.
    case off
}
