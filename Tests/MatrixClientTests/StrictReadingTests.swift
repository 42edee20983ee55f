import Foundation
import Testing
@testable import MatrixClient

/// A decrypted plaintext read by the byte-level reader must come out as `JSONDecoder` reads it,
/// and be refused where `JSONDecoder` refuses it.
@Suite struct StrictReading {
    static let documents: [String] = [
        #"{"type":"m.room.message","content":{"msgtype":"m.text","body":"Hej 😀 \u00e6\u00f8\u00e5 \ud83d\ude00"},"room_id":"!r:hs"}"#,
        #"{"a":1.0,"b":1e3,"c":-0,"d":1.5,"e":9223372036854775807,"f":-9223372036854775808,"g":1e400,"h":12345678901234567890}"#,
        #"{"a":[true,false,null,[],{}],"b":"\"\\\/\b\f\n\r\t","c":"\\ud800"}"#,
        #"{"dup":1,"dup":2}"#,
        #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\ud800\u0041"}"#, #"{"a":"x\ud83d"}"#,
        #"{"a":1} x"#, #"{"a":01}"#, "{\"a\":\"tab\there\"}", "", "[", #"{"a":}"#, " 7 ", #""s""#,
    ]

    func foundation(_ bytes: [UInt8]) -> JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) }
    func strict(_ bytes: [UInt8]) -> JSONValue? { try? JSONValue(strictUTF8: bytes) }

    @Test(arguments: documents)
    func readsAndRefusesAsFoundationDoes(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(strict(bytes) == foundation(bytes), "\(text)")
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        for bytes: [UInt8] in [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(foundation(bytes) == nil)
            #expect(strict(bytes) == nil)
        }
    }
}
