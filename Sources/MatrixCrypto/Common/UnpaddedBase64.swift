// Matrix spec, Appendices, "Unpadded Base64": standard base64 alphabet without '=' padding.

/// Unpadded base64 as Matrix writes keys, signatures and ciphertexts.
public enum UnpaddedBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The unpadded base64 text of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        let full = input.count / 3 * 3
        let rest = input.count - full
        let length = full / 3 * 4 + (rest == 0 ? 0 : rest + 1)
        return input.withUnsafeBufferPointer { input in
            alphabet.withUnsafeBufferPointer { symbols in
                String(unsafeUninitializedCapacity: length) { out in
                    var at = 0
                    func put(_ word: UInt32, _ shift: UInt32) {
                        out[at] = symbols[Int((word >> shift) & 63)]
                        at += 1
                    }
                    var index = 0
                    while index < full {
                        let word = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                        put(word, 18); put(word, 12); put(word, 6); put(word, 0)
                        index += 3
                    }
                    if rest > 0 {
                        let word = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
                        put(word, 18); put(word, 12)
                        if rest == 2 { put(word, 6) }
                    }
                    return at
                }
            }
        }
    }

    /// The bytes of padded or unpadded standard base64 text; anything else is `.badBase64`.
    public static func decode(_ text: String) throws(CryptoError) -> [UInt8] {
        var text = text
        // Every Megolm and Olm message passes through here, so it works on the UTF-8 directly.
        guard let bytes = text.withUTF8({ decode($0) }) else { throw .badBase64 }
        return bytes
    }

    /// Sextet values by ASCII code; 0xFF for symbols outside the alphabet.
    private static let sextets: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
        return table
    }()

    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var count = utf8.count
        // Padding is optional, but when present it must complete the last quantum exactly.
        if count > 0, utf8[count - 1] == UInt8(ascii: "=") {
            guard count % 4 == 0 else { return nil }
            count -= utf8[count - 2] == UInt8(ascii: "=") ? 2 : 1
        }
        guard count % 4 != 1 else { return nil }
        let whole = count / 4 * 4
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: count * 3 / 4) { buffer, initialized in
            sextets.withUnsafeBufferPointer { table in
                // Four symbols make three bytes; a symbol outside the alphabet reads as 0xFF, so
                // one test of the high bits of all four finds it.
                var index = 0
                while index < whole {
                    let a = table[Int(utf8[index])], b = table[Int(utf8[index + 1])]
                    let c = table[Int(utf8[index + 2])], d = table[Int(utf8[index + 3])]
                    guard (a | b | c | d) & 0xC0 == 0 else { valid = false; return }
                    let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                    buffer[initialized] = UInt8(truncatingIfNeeded: word >> 16)
                    buffer[initialized + 1] = UInt8(truncatingIfNeeded: word >> 8)
                    buffer[initialized + 2] = UInt8(truncatingIfNeeded: word)
                    initialized += 3
                    index += 4
                }
                // Two or three symbols left: one or two bytes. Leftover bits are ignored, as
                // common decoders do: the spec appendix's own signing key seed ends in non-zero
                // leftover bits.
                guard count > whole else { return }
                let a = table[Int(utf8[whole])], b = table[Int(utf8[whole + 1])]
                let c = count - whole == 3 ? table[Int(utf8[whole + 2])] : 0
                guard (a | b | c) & 0xC0 == 0 else { valid = false; return }
                let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6
                buffer[initialized] = UInt8(truncatingIfNeeded: word >> 16)
                initialized += 1
                if count - whole == 3 {
                    buffer[initialized] = UInt8(truncatingIfNeeded: word >> 8)
                    initialized += 1
                }
            }
        }
        return valid ? out : nil
    }
}
