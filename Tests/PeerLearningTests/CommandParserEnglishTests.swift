import Testing
@testable import PeerLearning

let englishExamples: [Example] = [
    Example("!help", .help(topic: nil)),
    Example("!help session plan", .help(topic: .sessionPlan)),
    Example("!help !students", .help(topic: .students)),
    Example("!status", .status),
    Example(#"!student add @anna:hs.example "Anna Hansen" strengths=communication,wound care;ecg style=visual"#,
            .studentAdd(userID: "@anna:hs.example", name: "Anna Hansen",
                        attributes: ["strengths": ["communication", "wound care", "ecg"], "style": ["visual"]])),
    Example("!student add @bo:hs.example Bo Ek", .studentAdd(userID: "@bo:hs.example", name: "Bo Ek", attributes: [:])),
    Example("!student remove @anna:hs.example", .studentRemove(userID: "@anna:hs.example")),
    Example("!students", .students),
    Example("!groups plan", .groupsPlan(size: nil, seed: nil)),
    Example("!groups plan size=4 seed=42", .groupsPlan(size: 4, seed: 42)),
    Example("!groups create", .groupsCreate),
    Example("!groups", .groups),
    Example("!group move @anna:hs.example B", .groupMove(userID: "@anna:hs.example", group: "B")),
    Example("!session plan A tomorrow 14:00 1h30m Sepsis: the first hour",
            .sessionPlan(group: .named("A"), when: .tomorrow(hour: 14, minute: 0), duration: duration("1h30m"),
                         title: "Sepsis: the first hour")),
    Example("!session plan all 2026-05-04 09:15 2h Handover",
            .sessionPlan(group: .all, when: .absolute(year: 2026, month: 5, day: 4, hour: 9, minute: 15),
                         duration: duration("2h"), title: "Handover")),
    Example("!session plan wed 14:00 90m Falls",
            .sessionPlan(group: .omitted, when: .weekday(.wednesday, hour: 14, minute: 0), duration: duration("90m"),
                         title: "Falls")),
    Example("!session goal #12 Explain qSOFA", .sessionGoal(session: .number(12), text: "Explain qSOFA")),
    Example("!session goal Explain qSOFA", .sessionGoal(session: .next, text: "Explain qSOFA")),
    Example("!session outcome 12 Can escalate", .sessionOutcome(session: .number(12), text: "Can escalate")),
    Example("!session activity #3 case Mr. Jensen, 78", .sessionActivity(session: .number(3), kind: .case, brief: "Mr. Jensen, 78")),
    Example("!session activity discussion", .sessionActivity(session: .next, kind: .discussion, brief: "")),
    Example("!session move #3 +1h", .sessionMove(session: .number(3), when: .relative(seconds: 3600))),
    Example("!session cancel #3", .sessionCancel(session: .number(3))),
    Example("!session cancel", .sessionCancel(session: .next)),
    Example("!sessions", .sessions(group: .omitted)),
    Example("!sessions B", .sessions(group: .named("B"))),
    Example("!understood", .understood),
    Example("!question What is qSOFA?", .question(text: "What is qSOFA?")),
    Example("!ready @anna:hs.example", .ready(userID: "@anna:hs.example")),
    Example("!notready @anna:hs.example", .notReady(userID: "@anna:hs.example")),
    Example("!not ready @anna:hs.example", .notReady(userID: "@anna:hs.example")),
    Example("!facilitator", .facilitator(nil)),
    Example("!facilitator me", .facilitator(.me)),
    Example("!facilitator @bo:hs.example", .facilitator(.user("@bo:hs.example"))),
    Example("!absent", .absent(session: .next, user: nil)),
    Example("!absent #4 @bo:hs.example", .absent(session: .number(4), user: "@bo:hs.example")),
    Example("!task add @bo:hs.example Read the guideline due fri",
            .taskAdd(assignee: .user("@bo:hs.example"), text: "Read the guideline", due: "fri")),
    Example("!task add group Prepare the case due 2026-05-01",
            .taskAdd(assignee: .group, text: "Prepare the case", due: "2026-05-01")),
    Example("!task add Look up due process", .taskAdd(assignee: nil, text: "Look up due process", due: nil)),
    Example("!task done #7", .taskDone(id: 7)),
    Example("!tasks", .tasks),
    Example("!reflect What went well?\nWe listened.", .reflect(text: "What went well?\nWe listened.")),
    Example("!criteria Contribution and preparation", .criteria(text: "Contribution and preparation")),
    Example("!evaluate A", .evaluate(group: .named("A"))),
    Example("!feedback @anna:hs.example Clear handover", .feedback(target: .user("@anna:hs.example"), text: "Clear handover")),
    Example("!feedback B Good teamwork", .feedback(target: .group(.named("B")), text: "Good teamwork")),
    Example("!summary A #5", .summary(group: .named("A"), session: .number(5))),
    Example("!summary", .summary(group: .omitted, session: .next)),
    Example("!export", .export(group: .omitted)),
    Example("!export all", .export(group: .all)),
    Example("!remind A", .remind(group: .named("A"))),
    Example("!language en", .language(.en)),
    Example("!mydata", .mydata),
    Example("!my data", .mydata),
    Example("!release A", .release(group: .named("A"), round: nil)),
    Example("!release A 2", .release(group: .named("A"), round: 2)),
    Example("!release", .release(group: .omitted, round: nil)),
    Example("!extend @anna:hs.example 2h", .extend(user: .id("@anna:hs.example"), duration: DurationSpec(seconds: 7200)!)),
    Example("!extend Anna Hansen 1h30m", .extend(user: .mention("Anna Hansen"), duration: DurationSpec(seconds: 5400)!)),
    Example("!overview", .overview(group: .omitted)),
    Example("!overview all", .overview(group: .all)),
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
}
