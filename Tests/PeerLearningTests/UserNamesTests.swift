import Testing
@testable import PeerLearning

private let anna = "@anna:hs.example"
private let annaB = "@anna.b:hs.example"
private let bo = "@bo:hs.example"
private let roster: [UserNames.Known] = [
    .init(userID: anna, name: "Anna Hansen"),
    .init(userID: annaB, name: "Anna Hansen"),
    .init(userID: bo, name: "Bo Berg"),
]

@Suite struct UserNamesTests {
    @Test func aFullIdIsTheUserItself() {
        let names = UserNames(mentions: [bo], botUserID: botID, known: roster)
        #expect(names.match([anna, "Godt"]) == .user(anna, words: 1))
    }

    @Test func theLongestKnownNameWinsAndCaseDoesNotMatter() {
        let names = UserNames(mentions: [], botUserID: botID, known: roster)
        #expect(names.match(["bo", "BERG", "Godt", "arbejde"]) == .user(bo, words: 2))
    }

    @Test func aPillSettlesASharedName() {
        let names = UserNames(mentions: [botID, annaB], botUserID: botID, known: roster)
        #expect(names.match(["Anna", "Hansen", "Godt"]) == .user(annaB, words: 2))
    }

    @Test func aSharedNameWithoutAPillNamesTheCandidates() {
        let names = UserNames(mentions: [], botUserID: botID, known: roster)
        #expect(names.match(["anna", "hansen"]) == .ambiguous(name: "anna hansen", candidates: [annaB, anna]))
    }

    @Test func thePunctuationAClientAddsToAPillIsIgnored() {
        let names = UserNames(mentions: [bo], botUserID: botID, known: roster)
        #expect(names.match(["Bo", "Berg:", "tak"]) == .user(bo, words: 2))
        #expect(names.match(["@Bo", "Berg,"]) == .user(bo, words: 2))
    }

    @Test func anUnknownNameIsNoUser() {
        let names = UserNames(mentions: [bo], botUserID: botID, known: roster)
        #expect(names.match(["Carl", "Nielsen"]) == .none)
        #expect(names.match([]) == .none)
    }

    @Test func theBotAndMalformedIdsAreNoMention() {
        let names = UserNames(mentions: [botID, "not an id", bo, bo], botUserID: botID, known: [])
        #expect(names.mentions == [bo])
    }
}

@Suite struct AmbiguousUserTextTests {
    @Test(arguments: [Language.da, .en])
    func theAnswerNamesEveryCandidateById(_ language: Language) {
        let reply = Texts(language).extensions.ambiguousUser("Anna Hansen", candidates: [annaB, anna])
        #expect(reply.kind == .error && reply.error == .badArguments)
        #expect(reply.body.contains(anna) && reply.body.contains(annaB) && reply.body.contains("Anna Hansen"))
        #expect(reply.body.contains(language == .da ? "Flere hedder" : "Several people"))
    }
}
