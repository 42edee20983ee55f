import Testing
import PeerLearning

@Test func emptyStatusSaysSoPlainly() {
    let english = Texts(.en).status(StatusInfo(role: .student))
    #expect(english.kind == .status)
    #expect(english.body.contains("Next session: no session planned yet"))
    #expect(english.body.contains("Facilitator: not decided yet"))
    #expect(english.body.contains("Your open tasks: none"))
    let danish = Texts(.da).status(StatusInfo(role: .student))
    #expect(danish.body.contains("Næste session: ingen session er planlagt endnu"))
    #expect(danish.body.contains("Dine åbne opgaver: ingen"))
}

@Test func fullStatusListsTasksAndWhatIsWaiting() {
    let info = StatusInfo(role: .student, nextSession: "#12 Sepsis, ons 14:00", facilitator: "Anna Hansen",
                          openTasks: ["#3 Læs instruksen", "#4 <Forbered> casen"],
                          pendingReflection: true, pendingAssessment: true)
    let message = Texts(.da).status(info)
    #expect(message.body.contains("Næste session: #12 Sepsis, ons 14:00"))
    #expect(message.body.contains("Facilitator: Anna Hansen"))
    #expect(message.body.contains("• #3 Læs instruksen"))
    #expect(message.body.contains("refleksion"))
    #expect(message.body.contains("peer-vurdering"))
    #expect(message.html?.contains("&lt;Forbered&gt;") == true)
    #expect(message.html?.contains("<Forbered>") == false)
}

@Test func guestStatusExplainsTheRoster() {
    let message = Texts(.en, prefix: "!").status(StatusInfo(role: .guest))
    #expect(message.body.contains("not on the roster"))
    #expect(message.body.contains("!help") && message.body.contains("!status"))
}

@Test func supervisorRoomWelcomeExplainsTheRoomAndFirstSteps() {
    for language in Language.allCases {
        let message = Texts(language, prefix: "!").supervisorRoomWelcome()
        #expect(message.kind == .welcome)
        let first = CommandName.studentAdd.usage(prefix: "!", language: language).prefix(while: { $0 != "@" })
        #expect(message.body.contains(first))
        #expect(message.body.contains(".csv"))
        #expect(message.body.contains("!" + CommandName.groupsPlan.displayWord(in: language)))
        #expect(message.body.contains("!" + CommandName.help.displayWord(in: language)))
        #expect(message.html?.contains("&quot;Anna Hansen&quot;") == true)
    }
}

@Test(arguments: [(Language.da, "Du er facilitator for #4."), (Language.en, "You facilitate #4.")])
func statusSpeaksToTheFacilitator(language: Language, expected: String) {
    var info = StatusInfo(role: .student, nextSession: "#4 Sepsis, ons 14:00", facilitator: "Anna Hansen")
    info.callerFacilitates = 4
    let message = Texts(language).status(info)
    #expect(message.body.contains(expected) && !message.body.contains("Facilitator: Anna Hansen"))
    #expect(message.html?.contains(expected) == true)
}

@Test func statusFactsShowTheNextSessionInLocalTimeAndTheTasksWithTheirNumbers() {
    let next = StatusFacts.Next(plan: samplePlan(), facilitatorUserID: "@anna:hs", facilitatorName: "Anna Hansen")
    let facts = StatusFacts(caller: "@bo:hs", role: .student, next: next,
                            openTasks: [.init(id: 3, text: "Read the guideline")], pendingReflection: true)
    let info = facts.info(timeZone: copenhagen, say: Texts(.en))
    #expect(info.nextSession == "#12 Sepsis case, " + SessionTimeFormat.dateTime(samplePlan().start, timeZone: copenhagen, language: .en))
    #expect(info.facilitator == "Anna Hansen")
    #expect(info.callerFacilitates == nil)
    #expect(info.openTasks == ["#3 Read the guideline"])
    let message = facts.report(timeZone: copenhagen, say: Texts(.en))
    #expect(message.body.contains("Facilitator: Anna Hansen"))
    #expect(message.body.contains("• #3 Read the guideline"))
    #expect(message.body.contains("reflection"))
}

@Test func statusFactsSpeakToTheFacilitatorAndNameASupervisorWhoFacilitates() {
    let mine = StatusFacts(caller: "@anna:hs", role: .student,
                           next: .init(plan: samplePlan(), facilitatorUserID: "@anna:hs", facilitatorName: "Anna Hansen"))
    #expect(mine.report(timeZone: copenhagen, say: Texts(.da)).body.contains("Du er facilitator for #12."))
    let supervised = StatusFacts(caller: "@anna:hs", role: .supervisor,
                                 next: .init(plan: samplePlan(), facilitatorUserID: nil, facilitatorName: nil))
    let info = supervised.info(timeZone: copenhagen, say: Texts(.da))
    #expect(info.facilitator == Texts(.da).sessions.supervisorWord())
    #expect(info.callerFacilitates == nil)
    #expect(!supervised.report(timeZone: copenhagen, say: Texts(.da)).body.contains("Ingen refleksion"),
            "a supervisor is not told that no reflection waits")
}

@Test func statusFactsForAGuestPointToTheRosterWhateverElseIsKnown() {
    let guest = StatusFacts(caller: "@x:hs", role: .guest, next: .init(plan: samplePlan(), facilitatorUserID: nil, facilitatorName: nil))
    #expect(guest.report(timeZone: copenhagen, say: Texts(.en, prefix: "pb ")) == Texts(.en, prefix: "pb ").status(StatusInfo(role: .guest)))
    #expect(guest.report(timeZone: copenhagen, say: Texts(.en, prefix: "pb ")).body.contains("pb help"))
}
