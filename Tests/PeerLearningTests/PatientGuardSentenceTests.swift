import Testing
import PeerLearning

/// Sentences with patient identifiers, in Danish and English, as students write them.
let sentencesWithIdentifiers: [GuardCase] = [
    GuardCase("I dag passede jeg hr. Jensen på stue 4, han var meget utilpas.", [name("Jensen"), bed("stue 4")]),
    GuardCase("Patienten (CPR 120385-1234) fik sin medicin for sent.", [cpr("120385-1234")]),
    GuardCase("Fru Olsen i seng 12 havde smerter hele vagten.", [name("Olsen"), bed("seng 12")]),
    GuardCase("Vi tog blodprøver på stue 4 seng 2 i morges.", [bed("stue 4 seng 2")]),
    GuardCase("Jeg skrev 0101901234 på prøveglasset ved en fejl.", [cpr("0101901234")]),
    GuardCase("frk. Sørensen ville ikke spise, og det gjorde mig usikker.", [name("Sørensen")]),
    GuardCase("Hr Petersen blev udskrevet i går.", [name("Petersen")]),
    GuardCase("Vi talte om hvordan fru Marie Larsen reagerede på beskeden.", [name("Marie Larsen")]),
    GuardCase("Han lå på Stue 7 og ringede hele natten.", [bed("Stue 7")]),
    GuardCase("CPR 290296 1234 stod på armbåndet.", [cpr("290296 1234")]),
    GuardCase("Hr. Jensen var bange, og hr. Jensens datter var der også.", [name("Jensen"), name("Jensens")]),
    GuardCase("Seng 3 havde en patient med KOL.", [bed("Seng 3")]),
    GuardCase("Min patient på stue 2, seng 4 var dement.", [bed("stue 2, seng 4")]),
    GuardCase("Hr. Mortensen fik 2 x 500 mg paracetamol kl. 14.30.", [name("Mortensen")]),
    GuardCase("Fru Holm-Andersen i stue 12 havde feber.", [name("Holm-Andersen"), bed("stue 12")]),
    GuardCase("Vi drøftede hvorfor FRU Kristensen ikke ville have besøg.", [name("Kristensen")]),
    GuardCase("120385-1234 og 010101-4321 blev byttet om i journalen.", [cpr("120385-1234"), cpr("010101-4321")]),
    GuardCase("Hun lå i seng nr. 5 ved vinduet.", [bed("seng nr. 5")]),
    GuardCase("Barnet er født 290200-4321, så det var en skuddag.", [cpr("290200-4321")]),
    GuardCase("Jeg glemte at hr. Iversen var diabetiker, og Iversen fik for lidt insulin.", [name("Iversen"), name("Iversen")]),
    GuardCase("Today I cared for Mr Smith in bed 4, he was anxious.", [name("Smith"), bed("bed 4")]),
    GuardCase("Mrs. Brown in room 12 bed 3 refused her breakfast.", [name("Brown"), bed("room 12 bed 3")]),
    GuardCase("I noticed Ms Taylor's wound had started bleeding again.", [name("Taylor")]),
    GuardCase("Miss Evans asked me to call her daughter.", [name("Evans")]),
    GuardCase("The patient in Room 8 had a fall during the night shift.", [bed("Room 8")]),
    // A place word after a name is not part of the name, so the bed is still found whole.
    GuardCase("Mr Brown Stue 8, seng 17 havde ondt.", [name("Brown"), bed("Stue 8, seng 17")]),
    GuardCase("His CPR number 311299-1234 was on the wristband.", [cpr("311299-1234")]),
    GuardCase("MR. JOHNSON WAS very quiet today.", [name("JOHNSON")]),
    GuardCase("I talked with Mr Oliver Stone about his discharge plan.", [name("Oliver Stone")]),
    GuardCase("When mr. Patel in bed 2 complained, I got the nurse.", [name("Patel"), bed("bed 2")]),
    GuardCase("We discussed Mrs Green and how Green felt about the news.", [name("Green"), name("Green")]),
    GuardCase("Patient 2505501234 was moved to another ward.", [cpr("2505501234")]),
    GuardCase("Mr O'Neil was in room 3b.", [name("O'Neil"), bed("room 3b")]),
    GuardCase("I wrote 150788-5678 in my notes by mistake.", [cpr("150788-5678")]),
    GuardCase("I told Mrs Smith I would come back.", [name("Smith")]),
    GuardCase("On the round we saw Mr Jensen Mrs Brown and Miss Evans.", [name("Jensen"), name("Brown"), name("Evans")]),
]

/// Sentences without identifiers: doses, times, dates, phone numbers, wards and roster names.
let sentencesWithoutIdentifiers: [GuardCase] = [
    GuardCase("Jeg gav 12.5 mg morfin efter ordination kl. 14.30."),
    GuardCase("Patienten fik 2 x 500 mg paracetamol i døgnet."),
    GuardCase("Vi mødtes på afsnit 4 til sessionen om sårpleje."),
    GuardCase("Anna Holm og jeg drøftede hvordan vi taler med pårørende."),
    GuardCase("Jeg spurgte fru Holm om hjælp til dokumentationen."),
    GuardCase("Tak til hr. Berg for en god gennemgang af casen."),
    GuardCase("Fru Hansen viste os hvordan man måler blodtryk."),
    GuardCase("Mødet var den 12.03.2024 kl. 9."),
    GuardCase("Ring til afdelingen på 12345678 hvis der er spørgsmål."),
    GuardCase("Vi skal nå 3 patienter før kl. 11.15 i morgen."),
    GuardCase("Dosis blev øget til 1000 mg x 3 dagligt."),
    GuardCase("Hvad gør man når en patient siger nej til medicin?"),
    GuardCase("Sengebadet tog 45 minutter, og det var hårdt."),
    GuardCase("Jeg så 2024-03-12 at værdierne var faldet."),
    GuardCase("Telefonnummeret 20 30 40 50 står på tavlen."),
    GuardCase("Nummeret 3203851234 er ikke en dato."),
    GuardCase("Der stod 290297-1234, men 1997 var ikke et skudår."),
    GuardCase("Koden 290200-1234 er fra 1900, som ikke var et skudår."),
    GuardCase("Vi havde 15 patienter og 4 sygeplejersker på vagt."),
    GuardCase("Frokost på stuen kl. 12, derefter undervisning."),
    GuardCase("Vi øvede journalføring i dagligstuen 2 gange."),
    GuardCase("I gave 12.5 mg of morphine at 14:30 as prescribed."),
    GuardCase("We met on ward 4 to talk about wound care."),
    GuardCase("Anna Holm and I practised handover with the SBAR tool."),
    GuardCase("Thanks to Ms Madsen for showing us the new pump."),
    GuardCase("Call the ward on 87654321 if anything changes."),
    GuardCase("The session on 12/03/2024 was really useful."),
    GuardCase("I need more practice with 2 x 500 mg tablets and splitting doses."),
    GuardCase("The order number 12345678901 was wrong."),
    GuardCase("Mr. and Mrs. are titles we leave out of our notes."),
    GuardCase("I felt unsure when the bed was moved to the corridor."),
    GuardCase("There was room for 2 more students in the session."),
    GuardCase("Summer placement started 010724 and ends in August."),
    GuardCase("The drip ran at 125 ml per hour for 4 hours."),
    GuardCase("Mr Berg Nielsen's talk on sepsis helped me."),
    GuardCase("I asked Sofie Madsen and Jonas about the case."),
]

@Test(arguments: sentencesWithIdentifiers)
func identifiersAreFoundExactly(_ example: GuardCase) {
    #expect(GuardFixture.found(example.sentence) == example.expected)
}

@Test(arguments: sentencesWithoutIdentifiers)
func ordinaryTextIsLeftAlone(_ example: GuardCase) {
    #expect(GuardFixture.found(example.sentence) == [])
    #expect(GuardFixture.guardian.check(example.sentence, language: .da) == GuardedText(text: example.sentence, kinds: []))
}

@Test func theCorpusIsHalfWithAndHalfWithoutIdentifiers() {
    #expect(sentencesWithIdentifiers.count >= 30)
    #expect(sentencesWithoutIdentifiers.count >= 30)
    #expect(sentencesWithIdentifiers.allSatisfy { !$0.expected.isEmpty })
}
