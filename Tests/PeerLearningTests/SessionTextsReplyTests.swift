import Foundation
import Testing
import PeerLearning

@Test(arguments: Language.allCases)
func plannedSessionsAreListedWithTheirNumbers(language: Language) {
    let plans = [samplePlan(number: 12), SessionPlan(number: 13, group: "B", title: "Sepsis case",
                                                     start: utc("2026-12-03T13:00:00Z"), duration: 5_400)]
    let message = Texts(language).sessions.sessionPlanned(plans, timeZone: copenhagen)
    #expect(message.kind == .reply && message.group == nil)
    let when = SessionTimeFormat.dateTime(plans[0].start, timeZone: copenhagen, language: language)
    #expect(message.body.contains("#12") && message.body.contains("#13") && message.body.contains(when))
    #expect(message.body.contains(language == .da ? "gruppe B" : "group B"))
    let single = Texts(language).sessions.sessionPlanned([plans[0]], timeZone: copenhagen)
    #expect(single.group == "A" && single.session == 12)
    #expect(single.body.contains("!" + CommandName.sessionGoal.displayWord(in: language) + " #12"))
}

@Test func movedAndCancelledSessionsSayWhen() {
    let plan = samplePlan()
    let moved = Texts(.da).sessions.sessionMoved(plan, from: utc("2026-12-01T13:00:00Z"), timeZone: copenhagen)
    #expect(moved.body.contains("tirsdag 1. december kl. 14:00") && moved.body.contains("torsdag 3. december kl. 14:00"))
    #expect(moved.group == "A" && moved.session == 12)
    let cancelled = Texts(.en).sessions.sessionCancelled(plan, timeZone: copenhagen)
    #expect(cancelled.body.contains("cancelled") && cancelled.body.contains("Thursday 3 December at 14:00"))
    #expect(cancelled.session == 12)
}

@Test func sessionsListSplitsPlannedFromPast() throws {
    let now = utc("2026-11-20T00:00:00Z")
    let plans = [samplePlan(number: 12), samplePlan(number: 3, start: utc("2026-11-01T13:00:00Z")),
                 samplePlan(number: 14, start: utc("2026-12-20T13:00:00Z"), cancelled: true)]
    let message = Texts(.en).sessions.sessionsList(plans, facilitators: [12: "Anna Hansen"], now: now, timeZone: copenhagen)
    #expect(message.kind == .reply && message.group == "A")
    let body = message.body
    let planned = try #require(body.range(of: "Planned sessions"))
    let past = try #require(body.range(of: "Past sessions"))
    #expect(body[planned.upperBound..<past.lowerBound].contains("#12 Sepsis case"))
    #expect(body[planned.upperBound..<past.lowerBound].contains("#14 Sepsis case"))
    #expect(body[past.upperBound...].contains("#3 Sepsis case"))
    #expect(body.contains("facilitator: Anna Hansen") && body.contains("#14 Sepsis case, Sunday 20 December at 14:00–15:30 — cancelled"))
    let running = Texts(.da).sessions.sessionsList(plans, facilitators: [:], now: utc("2026-12-03T13:30:00Z"), timeZone: copenhagen)
    #expect(running.body.contains("i gang nu"))
    #expect(Texts(.da).sessions.sessionsList([], facilitators: [:], now: now, timeZone: copenhagen)
        .body.contains("ingen sessioner"))
}

@Test(arguments: Language.allCases)
func questionsReachTheSupervisorsEscaped(language: Language) {
    let plan = samplePlan()
    let alert = Texts(language).sessions.questionToSupervisors(studentName: "Anna <Hansen>", userID: "@anna:hs", group: "A", plan: plan,
                                                      text: "Is <script>alert(1)</script> a sign?")
    #expect(alert.kind == .alert && alert.group == "A" && alert.session == 12)
    #expect(alert.body.contains("Is <script>alert(1)</script> a sign?") && alert.body.contains("@anna:hs"))
    #expect(alert.html?.contains("&lt;script&gt;") == true && alert.html?.contains("<script>") == false)
    #expect(alert.html?.contains("Anna &lt;Hansen&gt;") == true)
    #expect(Texts(language).sessions.questionForwarded().kind == .reply)
    let ack = Texts(language).sessions.understoodAck(name: "Anna", plan: plan)
    #expect(ack.kind == .reply && ack.session == 12 && ack.body.contains("#12"))
}

@Test(arguments: Language.allCases)
func criteriaAreConfirmedAndAnnounced(language: Language) {
    let reply = Texts(language).assessment.criteriaPosted(text: "Participation & <knowledge>")
    #expect(reply.kind == .reply && reply.body.contains("Participation & <knowledge>"))
    #expect(reply.html?.contains("Participation &amp; &lt;knowledge&gt;") == true)
    let pinned = Texts(language).assessment.criteriaAnnouncement(text: "Participation", group: "B")
    #expect(pinned.group == "B" && pinned.body.contains("Participation"))
    #expect(pinned.body.contains(language == .da ? "Vurderingskriterier" : "Assessment criteria"))
}

@Test func rotationRepliesSayWhoAndWhy() {
    let plan = samplePlan()
    let names = ["@anna:hs": "Anna Hansen"]
    let byTurn = Texts(.en).sessions.facilitatorAnswer(plan, choice: .student("@anna:hs"), names: names)
    #expect(byTurn.body.contains("Anna Hansen") && byTurn.body.contains("rotation") && byTurn.session == 12)
    let chosen = Texts(.da).sessions.facilitatorAnswer(plan, choice: .override("@bo:hs"), names: names)
    #expect(chosen.body.contains("@bo:hs") && chosen.body.contains("vejleder"))
    let supervisor = Texts(.da).sessions.facilitatorAnswer(plan, choice: .supervisor, names: names)
    #expect(supervisor.body.contains("Vejlederen"))
    #expect(Texts(.en).sessions.facilitatorAnswer(nil, choice: .supervisor, names: [:]).body.contains("no upcoming session"))
    #expect(Texts(.en).sessions.readyChanged(name: "Anna", ready: true).body.contains("ready to facilitate"))
    #expect(Texts(.da).sessions.readyChanged(name: "Anna", ready: false).body.contains("ikke længere"))
    let absent = Texts(.da).sessions.absentNoted(name: "Anna", plan: plan)
    #expect(absent.body.contains("fraværende") && absent.session == 12)
}

@Test(arguments: Language.allCases)
func sessionErrorsCarryTheirCodes(language: Language) {
    let missing = Texts(language).sessions.noSuchSession(number: 99)
    #expect(missing.kind == .error && missing.error == .notFound && missing.body.contains("#99"))
    #expect(Texts(language).sessions.noSuchSession(number: nil).error == .notFound)
    #expect(Texts(language).sessions.noGroupHere().error == .badArguments)
    #expect(Texts(language).sessions.sessionInPast().error == .badArguments)
    let notice = Texts(language).sessions.goalsUpdatedNotice(samplePlan())
    #expect(notice.session == 12 && notice.body.contains("!" + CommandName.understood.displayWord(in: language)))
    // With nobody who had confirmed, the notice only says the goals changed: nobody is asked.
    let quiet = Texts(language).sessions.goalsUpdatedNotice(samplePlan(), askAgain: false)
    #expect(quiet.session == 12 && !quiet.body.contains("!" + CommandName.understood.displayWord(in: language)))
    #expect(quiet.body.contains("#12"))
}
