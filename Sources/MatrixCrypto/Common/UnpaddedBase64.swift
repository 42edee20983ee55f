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
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: count * 3 / 4) { buffer, initialized in
            var word: UInt32 = 0
            var bits = 0
            for index in 0..<count {
                let value = sextets[Int(utf8[index])]
                guard value != 0xFF else { valid = false; break }
                word = word << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    buffer[initialized] = UInt8(truncatingIfNeeded: word >> UInt32(bits))
                    initialized += 1
                }
            }
            // Leftover bits are ignored, as common decoders do: the spec appendix's own signing
            // key seed ends in non-zero leftover bits.
        }
        return valid ? out : nil
    }
}
