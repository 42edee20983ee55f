import Testing
@testable import PeerLearning

/// The quick letter and whitespace tests the parser and the patient guard use must answer as
/// `isLetter` and `isWhitespace` do, for ASCII and for everything else.
@Test func quickLetterAndWhitespaceTestsAgreeWithUnicode() {
    var characters: [Character] = (0 ..< 0x3000).compactMap { Unicode.Scalar($0).map(Character.init) }
    characters += ["\r\n", "e\u{301}", "👩‍⚕️", "\u{FEFF}", "\u{3000}", "\u{1F600}", "Å", "ø"]
    for character in characters {
        #expect(character.isLetterASCIIFirst == character.isLetter, "\(character.unicodeScalars.map { $0.value })")
        #expect(character.isWhitespaceASCIIFirst == character.isWhitespace, "\(character.unicodeScalars.map { $0.value })")
    }
}
