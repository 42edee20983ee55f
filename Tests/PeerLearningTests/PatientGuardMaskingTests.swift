import Testing
import PeerLearning

@Test func maskingUsesTheRoomsLanguage() {
    let text = "I dag passede jeg hr. Jensen på stue 4 seng 2 (120385-1234)."
    let danish = GuardFixture.guardian.check(text, language: .da)
    #expect(danish.text == "I dag passede jeg hr. [navn] på [seng] ([CPR]).")
    #expect(danish.kinds == [.name, .bed, .cpr])
    let english = GuardFixture.guardian.check("Mrs Brown in room 12 bed 3 cried.", language: .en)
    #expect(english.text == "Mrs [name] in [bed] cried.")
    #expect(english.kinds == [.name, .bed])
}

@Test func aNameGivenAwayOnceIsMaskedWhereverItAppears() {
    let masked = GuardFixture.guardian.check("Hr. Jensen sov. Jensens kone kom kl. 15, og Jensen græd.", language: .da)
    #expect(masked.text == "Hr. [navn] sov. [navn]s kone kom kl. 15, og [navn] græd.")
}

@Test func administratorsPatternsAreMaskedAsHidden() {
    let guardian = PatientGuard(knownNames: GuardFixture.knownNames, patterns: ["MRN[0-9]{6}", "(?i)sengeafsnit [A-Z]"])
    let text = "MRN123456 stod på papiret fra sengeafsnit B."
    #expect(GuardFixture.found(text, by: guardian) == [Found(.custom, "MRN123456"), Found(.custom, "sengeafsnit B")])
    #expect(guardian.check(text, language: .da).text == "[skjult] stod på papiret fra [skjult].")
    #expect(guardian.check("MRN123456", language: .en).text == "[hidden]")
}

@Test func aPatternThatCannotBeUsedIsNamedAndLeftOut() {
    #expect(PatientGuard.patternProblem("MRN[0-9]{6}") == nil)
    #expect(PatientGuard.patternProblem("(unclosed") != nil)
    #expect(PatientGuard.patternProblem("") != nil)
    let guardian = PatientGuard(patterns: ["(unclosed", "MRN[0-9]+"])
    #expect(guardian.check("MRN42 og (unclosed", language: .da).text == "[skjult] og (unclosed")
}

@Test(arguments: [
    ("3104851234", false), ("3101851234", true), ("0001851234", false), ("3002001234", false),
    ("1313851234", false), ("2902004000", true), ("2902001000", false), ("2902585000", false),
    ("2902595000", false), ("2902605000", true), ("2902565000", true), ("2902364000", true), ("2902379000", false),
])
func theFirstSixDigitsMustBeARealDate(digits: String, isCPR: Bool) {
    #expect(GuardFixture.found("nr \(digits) her").map(\.kind) == (isCPR ? [.cpr] : []))
}

@Test func emptyAndHugeTextsAreHandled() {
    #expect(GuardFixture.found("") == [])
    let huge = String(repeating: "Patienten fik 2 x 500 mg kl. 14.30 på afsnit 4. ", count: 4000) + "hr. Jensen"
    let masked = GuardFixture.guardian.check(huge, language: .da)
    #expect(masked.kinds == [.name])
    #expect(masked.text.hasSuffix("hr. [navn]"))
}

@Test func theTitleMustBeAWholeWord() {
    #expect(GuardFixture.found("Ohr. Jensen og Umiss Evans og Chr Bo") == [])
    #expect(GuardFixture.found("(fru Olsen)") == [name("Olsen")])
}

@Test func theNoticeSaysWhatWasFoundAndShowsWhatWasKept() {
    let danish = Texts(.da).patientGuard.guardNotice(kinds: [.cpr, .bed], kept: "Hr. [navn] på [seng] <b>", mode: .redact, groupText: true)
    #expect(danish.kind == .guard)
    #expect(danish.body.contains("et CPR-nummer og et stue- eller sengenummer"))
    #expect(danish.body.contains("»Hr. [navn] på [seng] <b>«"))
    #expect(danish.body.contains("fjernet"))
    #expect(danish.body.contains("skriv den igen"))
    #expect(danish.html?.contains("&lt;b&gt;") == true)
    let english = Texts(.en).patientGuard.guardNotice(kinds: [.name], kept: "Mr [name]", mode: .mask, groupText: false)
    #expect(english.body.contains("a name after a title"))
    #expect(english.body.contains("still in the room"))
    #expect(!english.body.contains("post it again"))
}
