extension HTML {
    /// User or configured text set in code style, escaped.
    public static func code(_ text: String) -> String {
        "<code>" + escape(text) + "</code>"
    }

    /// Plain text as HTML paragraphs: escaped, lines kept.
    public static func paragraph(_ text: String) -> String {
        "<p>" + escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
    }

    /// A mention pill: the link clients render as the person's name and treat as a mention.
    public static func pill(userID: String, name: String) -> String {
        "<a href=\"https://matrix.to/#/\(escape(userID))\">\(escape(name))</a>"
    }

    /// A link to a room that clients open in place; the id is encoded as matrix.to asks.
    public static func roomLink(roomID: String, text: String) -> String {
        "<a href=\"\(roomURL(roomID))\">\(escape(text))</a>"
    }

    /// `https://matrix.to/#/!room%3Aserver`: the `:` and any other reserved character encoded.
    public static func roomURL(_ roomID: String) -> String {
        var allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!".unicodeScalars
            .reduce(into: Set<Unicode.Scalar>()) { $0.insert($1) }
        allowed.remove(":")
        var encoded = ""
        for byte in roomID.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, allowed.contains(scalar) { encoded.unicodeScalars.append(scalar) } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return "https://matrix.to/#/" + encoded
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
