import Foundation
import Testing
import PeerLearning

@Suite struct EdgeValidation {
    @Test(arguments: ["", " ", "\n\t", "\u{200B}", "\u{FEFF} \u{2060}", "\u{3000}"])
    func blankTextsAreBlank(_ text: String) {
        #expect(TextLimits.isBlank(text))
    }

    @Test(arguments: ["a", " x ", "👍", "\u{200B}ok"])
    func textsWithContentAreNotBlank(_ text: String) {
        #expect(!TextLimits.isBlank(text))
    }

    @Test func eachKindOfTextHasItsCapAndTheAnswerNamesIt() {
        let long = String(repeating: "x", count: 501)
        let task = Command.tasks(.taskAdd(assignee: nil, text: long, due: nil))
        #expect(TextLimits.oversized(task)?.kind == .task)
        #expect(TextLimits.oversized(task)?.length == 501)
        #expect(TextLimits.oversized(.tasks(.taskAdd(assignee: nil, text: String(long.dropFirst()), due: nil))) == nil)
        #expect(TextLimits.oversized(.participation(.question(text: String(repeating: "q", count: 2_001))))?.kind == .question)
        #expect(TextLimits.oversized(.reflection(.reflect(text: String(repeating: "r", count: 8_000)))) == nil)
        #expect(TextLimits.oversized(.roster(.studentAdd(userID: "@a:hs", name: "A", attributes: ["style": [String(repeating: "v", count: 201)]])))?.kind == .name)
        for language in [Language.da, .en] {
            let answer = Texts(language).textTooLong(.task, length: 501)
            #expect(answer.error == .badArguments)
            #expect(answer.body.contains("500") && answer.body.contains("501"))
        }
    }

    @Test func durationsBeyondAYearAreNotDurations() {
        #expect(DurationSpec.parse("9223372036854775807s") == nil)
        #expect(DurationSpec.parse("367d") == nil)
        #expect(DurationSpec.parse("366d")?.seconds == DurationSpec.maximumSeconds)
        #expect(WhenSpec.parse("+9223372036854775807s") == nil)
    }

    @Test func sessionBoundsRefuseTheImpossible() {
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        #expect(SessionBounds.refusal(start: now.addingTimeInterval(60), seconds: 3_600, now: now, language: .en) == nil)
        #expect(SessionBounds.refusal(start: now.addingTimeInterval(-1), seconds: 3_600, now: now, language: .en) != nil)
        #expect(SessionBounds.refusal(start: now.addingTimeInterval(60), seconds: 25 * 3_600, now: now, language: .en)?.body.contains("24") == true)
        #expect(SessionBounds.refusal(start: now.addingTimeInterval(731 * 86_400), seconds: 60, now: now, language: .da)?.body.contains("730") == true)
    }

    @Test func aHugeGroupSizeMeansOneGroupInsteadOfAnOverflow() {
        #expect(GroupFormation.groupCount(students: 10, size: .max) == 1)
        #expect(GroupFormation.groupCount(students: 10, size: 3) == 3)
        #expect(CommandParser.parse("!groups plan size=9223372036854775807", prefix: "!", botUserID: "@bot:hs", botDisplayName: nil)
            == .malformed(.groupsPlan))
    }

    @Test func replyFallbacksAreStripped() {
        #expect(ReplyFallback.strip("> <@bot:hs> Rate Bo\n> five marks\n\n4 4 4 4 4 fine") == "4 4 4 4 4 fine")
        #expect(ReplyFallback.strip("> only a quote") == "")
        #expect(ReplyFallback.strip("no quote\n> later") == "no quote\n> later")
    }

    @Test func rosterFileEventsAreCheckedBeforeTheStore() {
        #expect(RosterFileEvent(mxcURI: "mxc://hs", filename: "a.csv", size: 1) == nil)
        #expect(RosterFileEvent(mxcURI: "mxc://hs/", filename: "a.csv", size: 1) == nil)
        #expect(RosterFileEvent(mxcURI: "https://hs/x", filename: "a.csv", size: 1) == nil)
        let nameless = RosterFileEvent(mxcURI: "mxc://hs/abc", filename: "  ", size: -5)
        #expect(nameless?.filename == RosterFileEvent.unnamed)
        #expect(nameless?.size == nil)
        #expect(RosterFileEvent(mxcURI: "mxc://hs/abc", filename: "x.csv", size: .max)?.size == Int(Int32.max))
        #expect(RosterFileEvent.isCSV(filename: nil, mimetype: "text/csv"))
    }
}

@Test(arguments: ["!reflect \u{200B}", "!question \u{FEFF} ", "!task add \u{2060}"])
func invisibleOnlyTextsAreMalformedCommands(_ text: String) {
    let parsed = CommandParser.parse(text, prefix: "!", botUserID: "@bot:hs", botDisplayName: nil)
    guard case .malformed = parsed else {
        Issue.record("\(text.unicodeScalars.map { String($0.value, radix: 16) }) parsed as \(parsed)")
        return
    }
}
