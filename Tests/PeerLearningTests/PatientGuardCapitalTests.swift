import Foundation
import Testing
@testable import PeerLearning

/// The titled-name search is skipped only for text that cannot hold a capital, so no patient
/// name is ever left unmasked by the shortcut.
@Suite struct PatientGuardCapitals {
    @Test func everyUpperCaseScalarCountsAsACapital() {
        var capitals = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            guard category == .uppercaseLetter || category == .titlecaseLetter else { continue }
            capitals += 1
            #expect(PatientGuard.mayHoldCapital("hr. " + String(scalar) + "ansen"), "U+\(String(value, radix: 16))")
        }
        #expect(capitals > 1_800)
    }

    @Test func textWithoutACapitalMatchesNoTitledName() {
        // Every Latin-1 scalar after a title, in every case spelling of the titles.
        for title in ["hr", "HR", "fru", "Fru", "frk.", "mrs", "MR.", "ms", "miss", "mİss", "mſ", "\u{212A}"] {
            for value in UInt32(0)...0xFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for text in [title + " " + String(scalar) + "ansen", title + "\u{00A0}" + String(scalar) + "ølund bed"] {
                    let found = PatientGuard.matches(PatientGuard.titledNameExpression, in: text)
                    if !PatientGuard.mayHoldCapital(text) { #expect(found.isEmpty, "\(Array(text.unicodeScalars))") }
                }
            }
        }
    }

    /// A roster name is split into the parts a student's text is searched for byte by byte when
    /// it is ASCII; every ASCII character, in every position, splits it as the full rules do.
    @Test func anASCIINameIsSplitAsTheFullRulesSplitIt() {
        func reference(_ name: String) -> Set<String> {
            Set(name.lowercased().split(whereSeparator: { !$0.isLetterASCIIFirst }).map(String.init))
        }
        var names = ["Anna-Marie Holm", "anna_marie.holm", "BO", "x", "", "  ", "Kim2Lee", "O'Neil  Smith", "line\r\nbreak", "tab\tName\u{7F}"]
        for value in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(value))
            names += [character, "Ab" + character + "cD", character + "Zed", "yo" + character]
        }
        for name in names { #expect(PatientGuard.nameParts(name) == reference(name), "\(Array(name.utf8))") }
        #expect(PatientGuard.nameParts("Anna-Marie Holm") == ["anna", "marie", "holm"])
        #expect(PatientGuard.nameParts("Åse Ørsted") == ["åse", "ørsted"])
    }

    @Test func titledNamesAreStillFound() {
        #expect(GuardFixture.found("jeg talte med hr. Kristensen i dag") == [name("Kristensen")])
        #expect(GuardFixture.found("fru Ærø havde ondt") == [name("Ærø")])
        #expect(GuardFixture.found("fru ærø havde ondt, mr. ølund også").isEmpty)
        #expect(GuardFixture.found("mrs Σmith 😀") == [name("Σmith")])
        #expect(!PatientGuard.mayHoldCapital("lærte næste dosis ß ÿ ª º µ ÷"))
        #expect(PatientGuard.mayHoldCapital("lærte næste ×"))
        #expect(PatientGuard.mayHoldCapital("ok 😀"))
    }
}
