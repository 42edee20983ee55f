/// Addresses in `matrix.to` form, which every client opens in place.
public enum MatrixLink {
    /// `https://matrix.to/#/!room%3Aserver`: the `:` and any other reserved character encoded.
    public static func roomURL(_ roomID: String) -> String {
        var encoded = ""
        for byte in roomID.utf8 {
            if byte < 0x80, isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return "https://matrix.to/#/" + encoded
    }

    /// Letters, digits, `-._~` and the `!` a room id starts with; `:` is encoded.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"): true
        default: false
        }
    }
}
