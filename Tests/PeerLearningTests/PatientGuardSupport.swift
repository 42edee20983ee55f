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

/// The domain's SplitMix64, so the random sentences are the same on every run.
typealias GuardRandom = SeededGenerator

extension SeededGenerator {
    init(state: UInt64) { self.init(seed: state) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
