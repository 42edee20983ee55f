extension Character {
    /// `isLetter`, answered without Unicode's property tables for ASCII: every command and
    /// every roster name is read character by character, and nearly all of them are ASCII.
    @inline(__always)
    var isLetterASCIIFirst: Bool {
        guard let ascii = asciiValue else { return isLetter }
        return (ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z")
    }

    /// `isWhitespace`, the same way: for ASCII, a space or one of tab, line feed, vertical tab,
    /// form feed and carriage return (a CR LF pair is one Character whose ASCII value is LF).
    @inline(__always)
    var isWhitespaceASCIIFirst: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return ascii == 0x20 || (0x09 ... 0x0D).contains(ascii)
    }
}
