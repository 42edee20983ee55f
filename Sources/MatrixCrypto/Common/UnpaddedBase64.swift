// Matrix spec, Appendices, "Unpadded Base64": standard base64 alphabet without '=' padding.

/// Unpadded base64 as Matrix writes keys, signatures and ciphertexts.
public enum UnpaddedBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The unpadded base64 text of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= input.count {
            let word = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int((word >> UInt32(shift)) & 63)]) }
            index += 3
        }
        let rest = input.count - index
        if rest == 1 {
            let word = UInt32(input[index]) << 16
            for shift in [18, 12] { out.append(alphabet[Int((word >> UInt32(shift)) & 63)]) }
        } else if rest == 2 {
            let word = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            for shift in [18, 12, 6] { out.append(alphabet[Int((word >> UInt32(shift)) & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of padded or unpadded standard base64 text; anything else is `.badBase64`.
    public static func decode(_ text: String) throws(CryptoError) -> [UInt8] {
        var symbols = Array(text.utf8)
        // Padding is optional, but when present it must complete the last quantum exactly.
        if symbols.last == UInt8(ascii: "=") {
            guard symbols.count % 4 == 0 else { throw .badBase64 }
            symbols.removeLast()
            if symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        }
        guard symbols.count % 4 != 1 else { throw .badBase64 }
        var out = [UInt8]()
        out.reserveCapacity(symbols.count * 3 / 4)
        var word: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            guard let value = sextet(symbol) else { throw .badBase64 }
            word = word << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((word >> UInt32(bits)) & 0xFF))
            }
        }
        // Leftover bits are ignored, as common decoders do: the spec appendix's own signing key
        // seed ends in non-zero leftover bits.
        return out
    }

    private static func sextet(_ symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): symbol - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): symbol - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
