/// Escaping of text placed in `formatted_body`.
public enum HTML {
    /// Replaces `& < > " '` with entities, so user text can never become markup. It walks UTF-8
    /// bytes, not characters: a prepend or combining mark joins `<` into one grapheme cluster
    /// that would compare unequal to `"<"` and slip through, and the five are single bytes that
    /// never occur inside another scalar's encoding.
    public static func escape(_ s: String) -> String {
        var text = s
        // Most bot text holds none of them: returned as it is, without a copy.
        guard text.utf8.contains(where: isSpecial) else { return text }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var runStart = 0
            for index in bytes.indices where isSpecial(bytes[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                entity(bytes[index]).withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    private static func entity(_ byte: UInt8) -> StaticString {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }
}
