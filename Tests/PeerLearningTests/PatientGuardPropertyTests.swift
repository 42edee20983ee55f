import Testing
@testable import PeerLearning

/// Random sentences from fragments students write: masking leaves no found text behind, every
/// planted identifier is found, and text without a finding comes back unchanged.
enum GuardSentences {
    static let safe = [
        "Jeg gav 12.5 mg morfin", "kl. 14.30", "2 x 500 mg paracetamol", "på afsnit 4", "Anna Holm",
        "sammen med Jonas", "fru Holm,", "hr. Berg,", "Ms Madsen,", "ring 12345678", "den 12.03.2024",
        "we met on ward 4", "at 14:30", "the bed was moved", "room for improvement", "og jeg var usikker",
        "and I felt unsure", "1000 mg x 3", "i dagligstuen", "Fru Hansen,", "startede 120324.",
    ]
    static let titles = ["hr.", "Hr", "fru", "Fru", "frk.", "Mr", "Mrs.", "ms", "Miss", "MR."]
    static let surnames = ["Jensen", "Olsen", "Sørensen", "Brown", "Taylor", "Kristensen", "Patel", "Ærø", "Marie Lund"]
    static let places = ["stue", "seng", "Stue", "room", "bed", "Bed"]

    static func cprNumber(_ random: inout GuardRandom) -> String {
        let month = random.below(12) + 1
        let day = random.below([4, 6, 9, 11].contains(month) ? 30 : month == 2 ? 28 : 31) + 1
        let year = random.below(100)
        let serial = random.below(4) * 1000 + random.below(1000)
        let separator = random.pick(["-", " ", ""])
        return pad(day) + pad(month) + pad(year) + separator + pad(serial, width: 4)
    }

    static func pad(_ number: Int, width: Int = 2) -> String {
        String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    }

    /// A sentence, and the identifiers planted in it (as the text that must disappear).
    static func sentence(_ random: inout GuardRandom, planting: Bool) -> (String, [String]) {
        var parts: [String] = []
        var planted: [String] = []
        for _ in 0..<(random.below(6) + 2) {
            guard planting, random.below(3) == 0 else {
                parts.append(random.pick(safe))
                continue
            }
            switch random.below(3) {
            case 0:
                let number = cprNumber(&random)
                parts.append("(\(number))")
                planted.append(number)
            case 1:
                let surname = random.pick(surnames)
                parts.append(random.pick(titles) + " " + surname)
                planted.append(surname)
            default:
                let place = random.pick(places) + " " + String(random.below(40) + 1)
                parts.append(place + ",")
                planted.append(place)
            }
        }
        return (parts.joined(separator: " "), planted)
    }
}

@Test func maskingNeverLeavesAFoundIdentifierBehind() {
    var random = GuardRandom(state: 17)
    for round in 0..<1500 {
        let (text, planted) = GuardSentences.sentence(&random, planting: true)
        let spans = GuardFixture.guardian.findings(in: text)
        let language: Language = round % 2 == 0 ? .da : .en
        let masked = PatientGuard.mask(text, spans: spans, language: language)
        for span in spans {
            #expect(!masked.contains(String(text[span.range])), "\(text) → \(masked)")
        }
        for identifier in planted {
            #expect(!masked.contains(identifier), "planted \(identifier) in \(text) → \(masked)")
        }
        if spans.isEmpty {
            #expect(masked == text)
        }
    }
}

@Test func sentencesWithoutIdentifiersComeBackUnchanged() {
    var random = GuardRandom(state: 2026)
    for _ in 0..<1500 {
        let (text, _) = GuardSentences.sentence(&random, planting: false)
        #expect(GuardFixture.found(text) == [], "\(text)")
        #expect(GuardFixture.guardian.check(text, language: .en).text == text)
    }
}

@Test func overlappingFindingsAreJoinedSoNeitherIsLeftUnmasked() {
    let text = "ab12345cd"
    let start = text.startIndex
    let first = IdentifierSpan(kind: .custom, range: text.index(start, offsetBy: 0)..<text.index(start, offsetBy: 5))
    let second = IdentifierSpan(kind: .bed, range: text.index(start, offsetBy: 3)..<text.index(start, offsetBy: 9))
    let joined = PatientGuard.withoutOverlaps([second, first])
    #expect(joined.count == 1)
    #expect(joined.first.map { String(text[$0.range]) } == text)
    #expect(joined.first?.kind == .custom)
}
