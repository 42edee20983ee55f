import Testing
@testable import PeerLearning

let malformedExamples: [(String, CommandName)] = [
    ("!status now", .status),
    ("!student add", .studentAdd),
    ("!student add anna \"Anna\"", .studentAdd),
    ("!student add @anna:hs.example", .studentAdd),
    ("!student add @anna:hs.example \"Anna\" strengths", .studentAdd),
    ("!student add @anna:hs.example \"Anna Hansen", .studentAdd),
    ("!student add @anna \"Anna\"", .studentAdd),
    ("!student add @anna:hs.example \"Anna\" style=\"visual", .studentAdd),
    ("!student add @anna:hs.example \"Anna\" =visual", .studentAdd),
    ("!student remove", .studentRemove),
    ("!student remove @a:hs.example @b:hs.example", .studentRemove),
    ("!students A", .students),
    ("!groups plan size=0", .groupsPlan),
    ("!groups plan size=x", .groupsPlan),
    ("!groups plan colour=red", .groupsPlan),
    ("!groups plan seed=-1", .groupsPlan),
    ("!groups create now", .groupsCreate),
    ("!groups A", .groups),
    ("!group move @a:hs.example", .groupMove),
    ("!group move B @a:hs.example", .groupMove),
    ("!session plan A tomorrow 14:00", .sessionPlan),
    ("!session plan A tomorrow 14:00 1h", .sessionPlan),
    ("!session plan", .sessionPlan),
    ("!session goal", .sessionGoal),
    ("!session goal #4", .sessionGoal),
    ("!session outcome", .sessionOutcome),
    ("!session activity #2 lecture Slides", .sessionActivity),
    ("!session activity", .sessionActivity),
    ("!session move #2", .sessionMove),
    ("!session cancel #x", .sessionCancel),
    ("!session cancel #2 #3", .sessionCancel),
    ("!sessions A B", .sessions),
    ("!understood yes", .understood),
    ("!question", .question),
    ("!ready", .ready),
    ("!ready anna", .ready),
    ("!notready", .notReady),
    ("!facilitator someone", .facilitator),
    ("!facilitator @a:hs.example me", .facilitator),
    ("!absent tomorrow", .absent),
    ("!absent #2 #3", .absent),
    ("!task add", .taskAdd),
    ("!task add @a:hs.example", .taskAdd),
    ("!task done x", .taskDone),
    ("!task done", .taskDone),
    ("!task done 0", .taskDone),
    ("!tasks mine", .tasks),
    ("!reflect", .reflect),
    ("!criteria   ", .criteria),
    ("!evaluate A B", .evaluate),
    ("!feedback", .feedback),
    ("!feedback @a:hs.example", .feedback),
    ("!summary A #2 more", .summary),
    ("!export A B", .export),
    ("!remind @a:hs.example", .remind),
    ("!language fr", .language),
    ("!language", .language),
    ("!language da en", .language),
    ("!mydata please", .mydata),
    ("!release A B", .release),
    ("!release A 0", .release),
    ("!extend @a:hs.example", .extend),
    ("!extend @a:hs.example soon", .extend),
    ("!extend 2h", .extend),
    ("!extend @a:hs.example 0m", .extend),
    ("!overview A B", .overview),
]

@Test(arguments: malformedExamples)
func malformedArgumentsNameTheCommand(_ body: String, _ name: CommandName) {
    #expect(parse(body) == .malformed(name))
}

@Test func everyCommandWithArgumentsHasAMalformedExample() {
    let noArguments: Set<CommandName> = [.help]
    let covered = Set(malformedExamples.map(\.1))
    let missing = CommandName.allCases.filter { !covered.contains($0) && !noArguments.contains($0) }
    #expect(missing.isEmpty, "no malformed example: \(missing)")
}
