import PeerLearning
import Testing

/// The roster and supervisors the guard tests know: their names are never patient names.
enum GuardFixture {
    static let knownNames = ["Anna Holm", "Jonas Berg Nielsen", "Sofie Madsen", "mette.hansen"]
    static let guardian = PatientGuard(knownNames: knownNames)

    /// What a user would check: each finding's kind and the exact words it covers.
    static func found(_ text: String, by guardian: PatientGuard = guardian) -> [Found] {
        guardian.findings(in: text).map { Found($0.kind, String(text[$0.range])) }
    }
}

/// One expected finding: its kind and the text it covers.
struct Found: Equatable, CustomStringConvertible, Sendable {
    let kind: IdentifierKind
    let text: String
    init(_ kind: IdentifierKind, _ text: String) {
        self.kind = kind
        self.text = text
    }
    var description: String { "\(kind.rawValue):\(text)" }
}

func cpr(_ text: String) -> Found { Found(.cpr, text) }
func name(_ text: String) -> Found { Found(.name, text) }
func bed(_ text: String) -> Found { Found(.bed, text) }

/// A sentence as a student writes it and what the guard must find in it.
struct GuardCase: Sendable, CustomTestStringConvertible {
    let sentence: String
    let expected: [Found]
    init(_ sentence: String, _ expected: [Found] = []) {
        self.sentence = sentence
        self.expected = expected
    }
    var testDescription: String { sentence }
}

/// SplitMix64, so the random sentences are the same on every run.
struct GuardRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
