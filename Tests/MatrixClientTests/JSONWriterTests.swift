import Foundation
import Testing
@testable import MatrixClient

/// What the outbox stores for a message must not depend on which writer produced it: the
/// direct writer gives the bytes `JSONEncoder` gives (sorted keys, slashes as they are).
@Suite struct JSONWriterTests {
    static func encoded(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    @Test func messageContentIsWrittenAsTheEncoderWritesIt() {
        let content: JSONValue = [
            "msgtype": "m.notice", "body": "Tak, \"Anna\" \\ svar\n\tpå https://example.org/a/b",
            "formatted_body": "<a href=\"https://matrix.to/#/@anna:hs\">Anna Ø</a> 😀",
            "m.mentions": ["user_ids": []], "peerbot.session": 3, "peerbot.part": -12, "Zeta": true, "_": nil,
            "peerbot.scores": ["b": "2", "B": "1", "ä": "3", "a10": "x", "a9": "y"],
            "control": .string("\u{0}\u{1}\u{8}\u{C}\u{D}\u{1F}\u{7F}"),
            "nested": [[["deep": [1, 2, [false]]]]],
        ]
        #expect(content.directJSON() == Self.encoded(content))
        #expect(content.jsonString() == Self.encoded(content))
    }

    @Test func fragmentsAndEmptyContainersMatch() {
        for value: JSONValue in ["", "x", 0, .int(Int64.min), .int(Int64.max), nil, [], [:], true] {
            #expect(value.directJSON() == Self.encoded(value))
        }
    }

    @Test func floatsAndTooDeepValuesStillGoThroughTheEncoder() {
        let float: JSONValue = ["n": .double(1.5)]
        #expect(float.directJSON() == nil)
        #expect(float.jsonString() == Self.encoded(float))
        var deep: JSONValue = 1
        for _ in 0 ..< 600 { deep = [deep] }
        #expect(deep.directJSON() == nil)
        #expect(deep.jsonString() == "null")
    }
}
