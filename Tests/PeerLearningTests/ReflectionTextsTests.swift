import Foundation
import Testing
import PeerLearning

private let deadline = utc("2026-12-04T14:30:00Z")

@Test(arguments: Language.allCases, [ReflectionModel.rolfe, .gibbs, .custom(["Hvad tog du med <dig>?"])])
func groupPromptAsksTheQuestionsInTheThreadWithTheDeadline(language: Language, model: ReflectionModel) {
    let message = Texts(language).reflections.reflectionPromptGroup(plan: samplePlan(), model: model, deadline: deadline,
                                                        timeZone: copenhagen)
    #expect(message.kind == .reflectionPrompt && message.group == "A" && message.session == 12)
    for question in model.questions(language) { #expect(message.body.contains(question), "\(question)") }
    let when = SessionTimeFormat.dateTime(deadline, timeZone: copenhagen, language: language)
    #expect(message.body.contains(when) && when.contains("15:30"))
    #expect(message.body.contains(language == .da ? "Svar i tråden" : "Answer in the thread"))
    #expect(message.body.contains(language == .da ? "direkte chat med botten" : "direct chat with the bot"))
    #expect(message.body.contains("#12 Sepsis case"))
    let html = message.html ?? ""
    #expect(!html.contains("<dig>"))
    if case .custom = model { #expect(html.contains("&lt;dig&gt;")) }
}

@Test(arguments: Language.allCases)
func privatePromptSaysWhoSeesItAndThatReflectWorks(language: Language) {
    let message = Texts(language, prefix: "?").reflections.reflectionPromptPrivate(plan: samplePlan(), model: .rolfe, deadline: deadline,
                                                                       timeZone: copenhagen)
    #expect(message.kind == .reflectionPrompt && message.group == "A" && message.session == 12)
    for question in ReflectionModel.rolfe.questions(language) { #expect(message.body.contains(question)) }
    #expect(message.body.contains(SessionTimeFormat.dateTime(deadline, timeZone: copenhagen, language: language)))
    #expect(message.body.contains(language == .da ? "Skriv blot din refleksion her" : "Just write your reflection here"))
    #expect(message.body.contains(language == .da ? "kun du og dine vejledere" : "only you and your supervisors"))
    #expect(message.body.contains("?" + CommandName.reflect.displayWord(in: language)))
}

@Test func acknowledgementsSayWhereTheReflectionWentAndMarkLateOnes() {
    let plan = samplePlan()
    let shared = Texts(.en).reflections.reflectionAck(plan: plan, scope: .group, late: false)
    #expect(shared.kind == .reflectionAck && shared.group == "A" && shared.session == 12)
    #expect(shared.body.contains("shared with the group") && !shared.body.contains("late"))
    let ownLate = Texts(.da).reflections.reflectionAck(plan: plan, scope: .private, late: true)
    #expect(ownLate.body.contains("Kun du og dine vejledere") && ownLate.body.contains("for sent"))
    #expect(!Texts(.da).reflections.reflectionAck(plan: plan, scope: .private, late: false).body.contains("for sent"))
}

@Test(arguments: Language.allCases)
func reminderNamesTheSessionAndDeadline(language: Language) {
    let message = Texts(language).reflections.reflectionReminder(plan: samplePlan(), deadline: deadline, timeZone: copenhagen)
    #expect(message.kind == .reminder && message.group == "A" && message.session == 12)
    #expect(message.body.contains("#12 Sepsis case"))
    #expect(message.body.contains(SessionTimeFormat.dateTime(deadline, timeZone: copenhagen, language: language)))
}

@Test func reflectingWithNothingOpenIsNotFound() {
    let message = Texts(.da).reflections.noOpenReflection()
    #expect(message.kind == .error && message.error == .notFound)
    #expect(message.body.contains("!sessioner") && message.body.contains("Intet er gemt"))
}

@Test func aNudgeListsEveryOpenItem() {
    let upcoming = samplePlan(number: 13)
    let message = Texts(.en).reflections.nudge(name: "Bo <Berg>", openItems: [.confirmGoals(upcoming), .reflect(samplePlan()),
                                                              .assess(groupName: "A")])
    #expect(message.kind == .reminder && message.group == "A" && message.session == nil)
    #expect(message.body.contains("Hi Bo <Berg>") && message.html?.contains("Bo &lt;Berg&gt;") == true)
    #expect(message.body.contains("confirm the goals of #13 Sepsis case") && message.body.contains("!understood"))
    #expect(message.body.contains("reflection on #12 Sepsis case") && message.body.contains("!reflect"))
    #expect(message.body.contains("peer assessment in group A"))
    #expect(message.body.components(separatedBy: "\n• ").count == 4, "one bullet line per item")
    #expect(message.html?.contains("<li>confirm the goals of #13 Sepsis case") == true)
    let single = Texts(.da).reflections.nudge(name: "Bo", openItems: [.reflect(samplePlan())])
    #expect(single.session == 12 && single.body.contains("refleksion over #12") && !single.body.contains("bekræfte"))
}

@Test func theSupervisorIsToldHowManyWereReminded() {
    let three = Texts(.en).reflections.remindersSent(count: 3, group: "B")
    #expect(three.kind == .reply && three.group == "B" && three.body.contains("3 students in group B"))
    #expect(Texts(.da).reflections.remindersSent(count: 1, group: "B").body.contains("1 studerende i gruppe B"))
    let none = Texts(.en).reflections.remindersSent(count: 0, group: "all")
    #expect(none.group == nil && none.body.contains("all groups") && none.body.contains("no reminders"))
}
