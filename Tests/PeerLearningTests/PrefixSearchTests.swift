import Testing
@testable import PeerLearning

/// Whether a message may hold the command prefix is answered byte for byte, wherever the
/// prefix stands and whatever surrounds it.
@Test func thePrefixIsFoundAnywhereAndOnlyWhereItIs() {
    let cases: [(String, String, Bool)] = [
        ("!help", "!", true), ("tak!", "!", true), ("hej med dig", "!", false), ("", "!", false),
        ("pb", "pb!", false), ("x pb! y", "pb!", true), ("p pb", "pb!", false), ("æøå!", "!", true),
        ("😀 peer:", "peer:", true), ("peer", "peer:", false), ("ppeer:", "peer:", true),
    ]
    for (body, prefix, expected) in cases {
        #expect(CommandParser.containsBytes(body.utf8, prefix.utf8) == expected, "\(body) / \(prefix)")
        #expect(CommandParser.containsBytes(Substring(body).description.utf8, prefix.utf8) == expected)
    }
}

@Test func thePrefixIsFoundAtEveryPlaceOfALongBodyAndNotWhenCutOff() {
    for prefix in ["!", "pb!", "peer:"] {
        let filler = String(repeating: "næste dosis p pb ", count: 20)
        for offset in stride(from: 0, through: filler.utf8.count, by: 7) {
            let bytes = Array(filler.utf8)
            let body = String(decoding: bytes[..<offset] + Array(prefix.utf8) + bytes[offset...], as: UTF8.self)
            #expect(CommandParser.containsBytes(body.utf8, prefix.utf8), "\(prefix) at \(offset)")
        }
        #expect(!CommandParser.containsBytes((filler + prefix.dropLast()).utf8, prefix.utf8))
        #expect(CommandParser.containsBytes((filler + prefix).utf8, prefix.utf8))
    }
}
