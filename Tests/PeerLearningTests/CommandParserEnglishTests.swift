import Testing
@testable import PeerLearning

let englishExamples: [Example] = [
    Example("!help", .general(.help(topic: nil))),
    Example("!help session plan", .general(.help(topic: .sessionPlan))),
    Example("!help !students", .general(.help(topic: .students))),
    Example("!status", .general(.status)),
    Example(#"!student add @anna:hs.example "Anna Hansen" strengths=communication,wound care;ecg style=visual"#,
            .roster(.studentAdd(userID: "@anna:hs.example", name: "Anna Hansen",
                        attributes: ["strengths": ["communication", "wound care", "ecg"], "style": ["visual"]]))),
    Example("!student add @bo:hs.example Bo Ek", .roster(.studentAdd(userID: "@bo:hs.example", name: "Bo Ek", attributes: [:]))),
    Example("!student remove @anna:hs.example", .roster(.studentRemove(userID: "@anna:hs.example"))),
    Example("!students", .roster(.students)),
    Example("!groups plan", .groups(.groupsPlan(size: nil, seed: nil))),
    Example("!groups plan size=4 seed=42", .groups(.groupsPlan(size: 4, seed: 42))),
    Example("!groups create", .groups(.groupsCreate)),
    Example("!groups", .groups(.groups)),
    Example("!group move @anna:hs.example B", .groups(.groupMove(userID: "@anna:hs.example", group: "B"))),
    Example("!session plan A tomorrow 14:00 1h30m Sepsis: the first hour",
            .sessions(.sessionPlan(group: .named("A"), when: .tomorrow(hour: 14, minute: 0), duration: duration("1h30m"),
                         title: "Sepsis: the first hour"))),
    Example("!session plan all 2026-05-04 09:15 2h Handover",
            .sessions(.sessionPlan(group: .all, when: .absolute(year: 2026, month: 5, day: 4, hour: 9, minute: 15),
                         duration: duration("2h"), title: "Handover"))),
    Example("!session plan wed 14:00 90m Falls",
            .sessions(.sessionPlan(group: .omitted, when: .weekday(.wednesday, hour: 14, minute: 0), duration: duration("90m"),
                         title: "Falls"))),
    Example("!session goal #12 Explain qSOFA", .sessions(.sessionGoal(session: .number(12), text: "Explain qSOFA"))),
    Example("!session goal Explain qSOFA", .sessions(.sessionGoal(session: .next, text: "Explain qSOFA"))),
    Example("!session outcome 12 Can escalate", .sessions(.sessionOutcome(session: .number(12), text: "Can escalate"))),
    Example("!session activity #3 case Mr. Jensen, 78", .sessions(.sessionActivity(session: .number(3), kind: .case, brief: "Mr. Jensen, 78"))),
    Example("!session activity discussion", .sessions(.sessionActivity(session: .next, kind: .discussion, brief: ""))),
    Example("!session move #3 +1h", .sessions(.sessionMove(session: .number(3), when: .relative(seconds: 3600)))),
    Example("!session cancel #3", .sessions(.sessionCancel(session: .number(3)))),
    Example("!session cancel", .sessions(.sessionCancel(session: .next))),
    Example("!sessions", .sessions(.sessions(group: .omitted))),
    Example("!sessions B", .sessions(.sessions(group: .named("B")))),
    Example("!understood", .participation(.understood)),
    Example("!question What is qSOFA?", .participation(.question(text: "What is qSOFA?"))),
    Example("!ready @anna:hs.example", .participation(.ready(userID: "@anna:hs.example"))),
    Example("!notready @anna:hs.example", .participation(.notReady(userID: "@anna:hs.example"))),
    Example("!not ready @anna:hs.example", .participation(.notReady(userID: "@anna:hs.example"))),
    Example("!facilitator", .participation(.facilitator(nil))),
    Example("!facilitator me", .participation(.facilitator(.me))),
    Example("!facilitator @bo:hs.example", .participation(.facilitator(.user("@bo:hs.example")))),
    Example("!absent", .participation(.absent(session: .next, user: nil))),
    Example("!absent #4 @bo:hs.example", .participation(.absent(session: .number(4), user: "@bo:hs.example"))),
    Example("!task add @bo:hs.example Read the guideline due fri",
            .tasks(.taskAdd(assignee: .user("@bo:hs.example"), text: "Read the guideline", due: "fri"))),
    Example("!task add group Prepare the case due 2026-05-01",
            .tasks(.taskAdd(assignee: .group, text: "Prepare the case", due: "2026-05-01"))),
    Example("!task add Look up due process", .tasks(.taskAdd(assignee: nil, text: "Look up due process", due: nil))),
    Example("!task done #7", .tasks(.taskDone(id: 7))),
    Example("!tasks", .tasks(.tasks)),
    Example("!reflect What went well?\nWe listened.", .reflection(.reflect(text: "What went well?\nWe listened."))),
    Example("!criteria Contribution and preparation", .assessment(.criteria(text: "Contribution and preparation"))),
    Example("!evaluate A", .assessment(.evaluate(group: .named("A")))),
    Example("!feedback @anna:hs.example Clear handover", .assessment(.feedback(target: .user("@anna:hs.example"), text: "Clear handover"))),
    Example("!feedback B Good teamwork", .assessment(.feedback(target: .group(.named("B")), text: "Good teamwork"))),
    Example("!summary A #5", .reporting(.summary(group: .named("A"), session: .number(5)))),
    Example("!summary", .reporting(.summary(group: .omitted, session: .next))),
    Example("!export", .reporting(.export(group: .omitted))),
    Example("!export all", .reporting(.export(group: .all))),
    Example("!remind A", .reporting(.remind(group: .named("A")))),
    Example("!language en", .general(.language(.en))),
    Example("!mydata", .privacy(.mydata)),
    Example("!my data", .privacy(.mydata)),
    Example("!release A", .course(.release(group: .named("A"), round: nil))),
    Example("!release A 2", .course(.release(group: .named("A"), round: 2))),
    Example("!release", .course(.release(group: .omitted, round: nil))),
    Example("!extend @anna:hs.example 2h", .course(.extend(user: .id("@anna:hs.example"), duration: DurationSpec(seconds: 7200)!))),
    Example("!extend Anna Hansen 1h30m", .course(.extend(user: .mention("Anna Hansen"), duration: DurationSpec(seconds: 5400)!))),
    Example("!overview", .course(.overview(group: .omitted))),
    Example("!overview all", .course(.overview(group: .all))),
]

@Test(arguments: englishExamples)
func englishCommandParses(_ example: Example) {
    #expect(parse(example.body) == .command(example.expected))
}

@Test func everyCommandHasAnEnglishAndADanishExample() {
    let english = Set(englishExamples.map(\.expected.name.rawValue))
    let danish = Set(danishExamples.map(\.expected.name.rawValue))
    let all = Set(CommandName.allCases.map(\.rawValue))
    #expect(all.subtracting(english).isEmpty, "no English example: \(all.subtracting(english).sorted())")
    #expect(all.subtracting(danish).isEmpty, "no Danish example: \(all.subtracting(danish).sorted())")
    // A typed command whose name has no definition could never be typed.
    let undefined = english.union(danish).subtracting(all)
    #expect(undefined.isEmpty, "commands without a definition: \(undefined.sorted())")
}
