import Testing
@testable import PeerLearning

let danishExamples: [Example] = [
    Example("!hjælp", .general(.help(topic: nil))),
    Example("!hjælp studerende tilføj", .general(.help(topic: .studentAdd))),
    Example("!status", .general(.status)),
    Example(#"!studerende tilføj @soeren:hs.example "Søren Ærø Østergård" styrker=empati;sårpleje baggrund=SOSU"#,
            .roster(.studentAdd(userID: "@soeren:hs.example", name: "Søren Ærø Østergård",
                        attributes: ["styrker": ["empati", "sårpleje"], "baggrund": ["SOSU"]]))),
    Example("!studerende fjern @anna:hs.example", .roster(.studentRemove(userID: "@anna:hs.example"))),
    Example("!studerende", .roster(.students)),
    Example("!grupper planlæg størrelse=3 frø=7", .groups(.groupsPlan(size: 3, seed: 7))),
    Example("!grupper opret", .groups(.groupsCreate)),
    Example("!grupper", .groups(.groups)),
    Example("!gruppe flyt @anna:hs.example til C", .groups(.groupMove(userID: "@anna:hs.example", group: "C"))),
    Example("!session planlæg B i morgen kl. 9 45m Lægemiddelregning",
            .sessions(.sessionPlan(group: .named("B"), when: .tomorrow(hour: 9, minute: 0), duration: duration("45m"),
                         title: "Lægemiddelregning"))),
    Example("!session planlæg alle lør 10.30 2h Øvelse i ABCDE",
            .sessions(.sessionPlan(group: .all, when: .weekday(.saturday, hour: 10, minute: 30), duration: duration("2h"),
                         title: "Øvelse i ABCDE"))),
    Example("!session planlæg i morgen 14:00 1h Sår", .sessions(.sessionPlan(
        group: .omitted, when: .tomorrow(hour: 14, minute: 0), duration: duration("1h"), title: "Sår"))),
    Example("!session mål #2 Kende tegn på sepsis", .sessions(.sessionGoal(session: .number(2), text: "Kende tegn på sepsis"))),
    Example("!session resultat Kan lave en ISBAR", .sessions(.sessionOutcome(session: .next, text: "Kan lave en ISBAR"))),
    Example("!session aktivitet #2 projekt Plan for udskrivelse",
            .sessions(.sessionActivity(session: .number(2), kind: .project, brief: "Plan for udskrivelse"))),
    Example("!session flyt #2 søndag 08:00", .sessions(.sessionMove(session: .number(2), when: .weekday(.sunday, hour: 8, minute: 0)))),
    Example("!session aflys #2", .sessions(.sessionCancel(session: .number(2)))),
    Example("!sessioner alle", .sessions(.sessions(group: .all))),
    Example("!forstået", .participation(.understood)),
    Example("!spørgsmål Hvad betyder NEWS?", .participation(.question(text: "Hvad betyder NEWS?"))),
    Example("!klar @anna:hs.example", .participation(.ready(userID: "@anna:hs.example"))),
    Example("!ikkeklar @anna:hs.example", .participation(.notReady(userID: "@anna:hs.example"))),
    Example("!ikke klar @anna:hs.example", .participation(.notReady(userID: "@anna:hs.example"))),
    Example("!facilitator mig", .participation(.facilitator(.me))),
    Example("!fraværende 4", .participation(.absent(session: .number(4), user: nil))),
    Example("!opgave tilføj mig Læs instruksen frist i morgen",
            .tasks(.taskAdd(assignee: .me, text: "Læs instruksen", due: "i morgen"))),
    Example("!opgave færdig 7", .tasks(.taskDone(id: 7))),
    Example("!opgaver", .tasks(.tasks)),
    Example("!refleksion Jeg lærte at spørge tidligt.", .reflection(.reflect(text: "Jeg lærte at spørge tidligt."))),
    Example("!kriterier Bidrag og forberedelse", .assessment(.criteria(text: "Bidrag og forberedelse"))),
    Example("!evaluer alle", .assessment(.evaluate(group: .all))),
    Example("!feedback gruppe Flot samarbejde", .assessment(.feedback(target: .group(.omitted), text: "Flot samarbejde"))),
    Example("!opsummering A", .reporting(.summary(group: .named("A"), session: .next))),
    Example("!eksport B", .reporting(.export(group: .named("B")))),
    Example("!påmind A", .reporting(.remind(group: .named("A")))),
    Example("!sprog da", .general(.language(.da))),
    Example("!sprog dansk", .general(.language(.da))),
    Example("!mine data", .privacy(.mydata)),
    Example("!frigiv B #1", .course(.release(group: .named("B"), round: 1))),
    Example("!forlæng @bo:hs.example 90m", .course(.extend(user: .id("@bo:hs.example"), duration: DurationSpec(seconds: 5400)!))),
    Example("!forlæng @bo:hs.example 2 timer", .course(.extend(user: .id("@bo:hs.example"), duration: DurationSpec(seconds: 7200)!))),
    Example("!forlæng Bo Berg 1 time 30 min", .course(.extend(user: .mention("Bo Berg"), duration: DurationSpec(seconds: 5400)!))),
    Example("!overblik A", .course(.overview(group: .named("A")))),
]

@Test(arguments: danishExamples)
func danishCommandParses(_ example: Example) {
    #expect(parse(example.body) == .command(example.expected))
}

@Test func studentsListAndAddAreTold() {
    #expect(parse("!studerende") == .command(.roster(.students)))
    #expect(parse("!studerende tilføj @a:hs.example \"A B\"")
        == .command(.roster(.studentAdd(userID: "@a:hs.example", name: "A B", attributes: [:]))))
    #expect(parse("!students") == .command(.roster(.students)))
    #expect(parse("!student add @a:hs.example \"A B\"")
        == .command(.roster(.studentAdd(userID: "@a:hs.example", name: "A B", attributes: [:]))))
}

@Test func danishLettersMatchInAnyCase() {
    #expect(parse("!HJÆLP") == .command(.general(.help(topic: nil))))
    #expect(parse("!Påmind A") == .command(.reporting(.remind(group: .named("A")))))
    #expect(parse("!SPØRGSMÅL Hvorfor?") == .command(.participation(.question(text: "Hvorfor?"))))
    // "å" written as "a" + combining ring reads the same.
    #expect(parse("!pa\u{030A}mind A") == .command(.reporting(.remind(group: .named("A")))))
}
