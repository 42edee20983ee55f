import Foundation
import Testing
import PeerLearning

private func planWithUserText() -> SessionPlan {
    var plan = samplePlan()
    plan.goals.append("<b>x</b>")
    plan.outcomes.append("Tom & Jerry's plan")
    return plan
}

@Test(arguments: Language.allCases)
func goalsMessageHoldsEverythingAStudentNeeds(language: Language) {
    let plan = planWithUserText()
    let message = Texts(language).sessions.sessionGoals(plan, facilitatorName: "Anna Hansen", criteria: "Active <participation>",
                                               timeZone: copenhagen)
    #expect(message.kind == .goals && message.group == "A" && message.session == 12)
    let when = SessionTimeFormat.dateTime(plan.start, timeZone: copenhagen, language: language)
    for part in ["#12", "Sepsis case", when, "15:30", "Anna Hansen", "Recognise early signs of sepsis", "<b>x</b>",
                 "A shared ABCDE checklist", "Mr Jensen, 78", "Active <participation>", "✅", "👍"] {
        #expect(message.body.contains(part), "\(language): \(part)")
    }
    let understood = "!" + CommandName.understood.displayWord(in: language)
    let question = "!" + CommandName.question.displayWord(in: language)
    #expect(message.body.contains(understood) && message.body.contains(question))
    let html = message.html ?? ""
    #expect(html.contains("&lt;b&gt;x&lt;/b&gt;") && !html.contains("<b>x</b>"))
    #expect(html.contains("Tom &amp; Jerry&#39;s plan") && html.contains("Active &lt;participation&gt;"))
}

@Test func goalsNameTheSupervisorWhenNoStudentFacilitates() {
    let plan = samplePlan()
    let english = Texts(.en).sessions.sessionGoals(plan, facilitatorName: nil, criteria: nil, timeZone: copenhagen)
    #expect(english.body.contains("Facilitator: the supervisor"))
    #expect(!english.body.contains("Assessment criteria"))
    let danish = Texts(.da).sessions.sessionGoals(plan, facilitatorName: nil, criteria: nil, timeZone: copenhagen)
    #expect(danish.body.contains("Facilitator: vejlederen"))
    #expect(danish.body.contains("!forstået") && danish.body.contains("!spørgsmål"))
    var empty = plan
    empty.goals = []
    #expect(Texts(.en).sessions.sessionGoals(empty, facilitatorName: nil, criteria: nil, timeZone: copenhagen)
        .body.contains("Goals: none stated yet"))
}

@Test func timesAreShownInLocalWordsInBothLanguages() {
    let start = utc("2025-12-03T13:00:00Z") // a Wednesday, 14:00 in Copenhagen
    #expect(SessionTimeFormat.dateTime(start, timeZone: copenhagen, language: .da) == "onsdag 3. december kl. 14:00")
    #expect(SessionTimeFormat.dateTime(start, timeZone: copenhagen, language: .en) == "Wednesday 3 December at 14:00")
    #expect(SessionTimeFormat.length(5_400, language: .da) == "1 time og 30 minutter")
    #expect(SessionTimeFormat.length(3_661, language: .en) == "1 hour, 1 minute and 1 second")
    #expect(SessionTimeFormat.length(45, language: .en) == "45 seconds")
    let lateNight = samplePlan(start: utc("2025-12-03T22:30:00Z"), duration: 3_600)
    #expect(SessionTimeFormat.span(lateNight, timeZone: copenhagen, language: .en)
        == "Wednesday 3 December at 23:30–Thursday 4 December at 00:30")
}

// Copenhagen, Sunday 25 October 2026: 03:00 summer time becomes 02:00 winter time at 01:00 UTC.
@Test func aSessionInTheRepeatedAutumnHourShowsItsLocalTime() throws {
    let start = try #require(WhenSpec.parse("2026-10-25 02:30")?.resolve(now: utc("2026-10-01T00:00:00Z"),
                                                                          timeZone: copenhagen))
    let plan = samplePlan(start: start, duration: 3_600)
    #expect(SessionTimeFormat.dateTime(start, timeZone: copenhagen, language: .da) == "søndag 25. oktober kl. 02:30")
    // One real hour later the clocks show 02:30 again.
    #expect(SessionTimeFormat.span(plan, timeZone: copenhagen, language: .en) == "Sunday 25 October at 02:30–02:30")
    let after = samplePlan(start: utc("2026-10-25T02:00:00Z"), duration: 1_800)
    let message = Texts(.en).sessions.sessionGoals(after, facilitatorName: nil, criteria: nil, timeZone: copenhagen)
    #expect(message.body.contains("Sunday 25 October at 03:00–03:30"))
}

@Test(arguments: Language.allCases)
func startNamesTheFacilitatorAndPromptsThem(language: Language) {
    let plan = samplePlan()
    let student = Texts(language).sessions.sessionStart(plan, facilitatorName: "Anna Hansen", isStudentFacilitator: true)
    #expect(student.kind == .sessionStart && student.group == "A" && student.session == 12)
    #expect(student.body.contains("Anna Hansen") && student.body.contains("Recognise early signs of sepsis"))
    #expect(student.body.contains(language == .da ? "alle kommer til orde" : "everyone gets to speak"))
    #expect(student.body.contains(language == .da ? "tjekliste" : "checklist"))
    let supervisor = Texts(language).sessions.sessionStart(plan, facilitatorName: nil, isStudentFacilitator: false)
    #expect(supervisor.body.contains(language == .da ? "vejlederen" : "the supervisor"))
    #expect(!supervisor.body.contains(language == .da ? "tjekliste" : "checklist"))
}

@Test(arguments: Language.allCases)
func checklistStepsFollowTheActivity(language: Language) {
    var bodies: Set<String> = []
    for kind in [nil] + ActivityKind.allCases.map(Optional.some) {
        var plan = samplePlan()
        plan.activity = kind
        let message = Texts(language).sessions.facilitatorChecklist(plan)
        #expect(message.kind == .facilitatorPrompt && message.session == 12)
        #expect(message.body.contains(language == .da ? "Åbn med målene" : "Open with the goals"))
        #expect(message.body.contains("!" + CommandName.taskAdd.displayWord(in: language)))
        #expect(message.body.contains("4. "), "at least four concrete steps")
        bodies.insert(message.body)
    }
    #expect(bodies.count == ActivityKind.allCases.count + 1)
}

@Test(arguments: Language.allCases)
func midpointAndWrapUpPromptTheFacilitator(language: Language) {
    let plan = samplePlan()
    let midpoint = Texts(language).sessions.midpointPrompt(plan, facilitatorName: "Anna Hansen")
    #expect(midpoint.kind == .facilitatorPrompt && midpoint.group == "A" && midpoint.session == 12)
    #expect(midpoint.body.contains("Anna Hansen"))
    #expect(midpoint.body.contains(language == .da ? "alle i gruppen har bidraget" : "every member of the group has contributed"))
    let wrapUp = Texts(language).sessions.wrapUpPrompt(plan, secondsLeft: 600)
    #expect(wrapUp.kind == .facilitatorPrompt && wrapUp.session == 12)
    #expect(wrapUp.body.contains(language == .da ? "10 minutter" : "10 minutes"))
    #expect(wrapUp.body.contains(language == .da ? "opsummér" : "summarise"))
    #expect(wrapUp.body.contains("!" + CommandName.taskAdd.displayWord(in: language)))
}
