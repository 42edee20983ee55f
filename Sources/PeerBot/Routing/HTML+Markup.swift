import PeerLearning

extension HTML {
    /// User or configured text set in code style, escaped.
    public static func code(_ text: String) -> String {
        "<code>" + escape(text) + "</code>"
    }

    /// Plain text as HTML paragraphs: escaped, lines kept.
    public static func paragraph(_ text: String) -> String {
        "<p>" + MessageRenderer.lines(text) + "</p>"
    }

    /// A mention pill: the link clients render as the person's name and treat as a mention.
    public static func pill(userID: String, name: String) -> String {
        "<a href=\"https://matrix.to/#/\(escape(userID))\">\(escape(name))</a>"
    }

    /// A link to a room that clients open in place; the id is encoded as matrix.to asks.
    public static func roomLink(roomID: String, text: String) -> String {
        "<a href=\"\(MatrixLink.roomURL(roomID))\">\(escape(text))</a>"
    }
}
