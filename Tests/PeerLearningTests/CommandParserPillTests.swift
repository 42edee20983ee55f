import Testing
@testable import PeerLearning

private let anna = "@anna:hs.example"
private let bo = "@bo:hs.example"
private let roster: [UserNames.Known] = [.init(userID: anna, name: "Anna Hansen"), .init(userID: bo, name: "Bo Berg")]

/// Parses as a client does that inserted pills: the display names in `body`, the ids in `mentions`.
private func parse(_ body: String, mentions: [String], known: [UserNames.Known] = roster) -> CommandParse {
    CommandParser.parse(body, prefix: "!", botUserID: botID, botDisplayName: "Peer Bot",
                        users: UserNames(mentions: mentions, botUserID: botID, known: known))
}

private let pillExamples: [Example] = [
    Example("!ready Anna Hansen", .participation(.ready(userID: anna))),
    Example("!klar anna hansen", .participation(.ready(userID: anna))),
    Example("!notready Anna Hansen", .participation(.notReady(userID: anna))),
    Example("!facilitator Anna Hansen", .participation(.facilitator(.user(anna)))),
    Example("!facilitator me", .participation(.facilitator(.me))),
    Example("!absent #3 Anna Hansen", .participation(.absent(session: .number(3), user: anna))),
    Example("!absent Anna Hansen", .participation(.absent(session: .next, user: anna))),
    Example("!student remove Anna Hansen", .roster(.studentRemove(userID: anna))),
    Example("!feedback Anna Hansen Godt arbejde", .assessment(.feedback(target: .user(anna), text: "Godt arbejde"))),
    Example("!feedback Anna Hansen: Godt arbejde", .assessment(.feedback(target: .user(anna), text: "Godt arbejde"))),
    Example("!feedback A Godt arbejde, Anna Hansen", .assessment(.feedback(target: .group(.named("A")), text: "Godt arbejde, Anna Hansen"))),
    Example("!task add Anna Hansen Læs kapitel 3", .tasks(.taskAdd(assignee: .user(anna), text: "Læs kapitel 3", due: nil))),
    Example("!group move Anna Hansen B", .groups(.groupMove(userID: anna, group: "B"))),
    Example("!group move Anna Hansen to B", .groups(.groupMove(userID: anna, group: "B"))),
    Example("!extend Anna Hansen 2h", .course(.extend(user: .id(anna), duration: DurationSpec(seconds: 7200)!))),
    Example("!ready @bo:hs.example", .participation(.ready(userID: bo))),
    Example("!feedback @bo:hs.example Godt arbejde", .assessment(.feedback(target: .user(bo), text: "Godt arbejde"))),
]

@Suite struct CommandParserPillTests {
    @Test(arguments: pillExamples)
    func aPillReadsAsItsUser(_ example: Example) {
        #expect(parse(example.body, mentions: [botID, anna]) == .command(example.expected))
    }

    @Test(arguments: pillExamples)
    func aDisplayNameWithoutAPillReadsAsTheRosterMember(_ example: Example) {
        #expect(parse(example.body, mentions: []) == .command(example.expected))
    }

    @Test func aPillWhoseNameTheBotDoesNotKnowStillNamesItsUserWhereTheUserIsAllThatFollows() {
        #expect(parse("!ready Anna H.", mentions: [anna], known: []) == .command(.participation(.ready(userID: anna))))
        #expect(parse("!absent #2 Anna H.", mentions: [anna], known: []) == .command(.participation(.absent(session: .number(2), user: anna))))
        #expect(parse("!extend Anna H. 2h", mentions: [anna], known: []) == .command(.course(.extend(user: .mention("Anna H."), duration: DurationSpec(seconds: 7200)!))))
    }

    @Test func aSharedNameIsAnsweredWithTheCandidates() {
        let twins = roster + [.init(userID: "@anna2:hs.example", name: "anna hansen")]
        #expect(parse("!feedback Anna Hansen Godt", mentions: [], known: twins)
            == .ambiguousUser(.feedback, name: "Anna Hansen", candidates: ["@anna2:hs.example", anna]))
        #expect(parse("!feedback Anna Hansen Godt", mentions: [anna], known: twins)
            == .command(.assessment(.feedback(target: .user(anna), text: "Godt"))))
    }

    @Test func anUnknownNameIsStillNotAUser() {
        #expect(parse("!ready Carl", mentions: []) == .malformed(.ready))
        #expect(parse("!feedback Carl Godt", mentions: []) == .command(.assessment(.feedback(target: .group(.named("Carl")), text: "Godt"))))
    }
}
