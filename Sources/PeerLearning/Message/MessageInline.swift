/// A piece of a message's text.
public indirect enum MessageInline: Sendable, Equatable {
    /// Text as written, which may be a user's; a line break in it stays one.
    case text(String)
    /// Stressed text.
    case strong([MessageInline])
    /// Emphasised text.
    case emphasis([MessageInline])
    /// A command, an id or a value to type, set in code style.
    case code(String)
    /// A person the message asks to act: a pill their client shows as their name, and a
    /// mention that notifies them where the message's kind asks someone to act.
    case mention(userID: String, name: String)
    /// A link to a web address.
    case link(url: String, text: String)
    /// A link to a Matrix room, which clients open in place.
    case roomLink(roomID: String, text: String)
    /// What the plain body says in place of formatting it lacks (the quotes around a command
    /// a formatted message sets in code style, the address of a linked room), and what only the
    /// formatted message shows (a separator its layout needs); either side may be empty.
    case variants(plain: String, formatted: [MessageInline])

    /// Text only the plain body has.
    public static func plainOnly(_ text: String) -> MessageInline { .variants(plain: text, formatted: []) }

    /// Pieces only the formatted message has.
    public static func formattedOnly(_ pieces: [MessageInline]) -> MessageInline { .variants(plain: "", formatted: pieces) }

    /// Stressed plain text.
    public static func strong(_ text: String) -> MessageInline { .strong([.text(text)]) }

    var mentionedUsers: [String] {
        switch self {
        case let .mention(userID, _): [userID]
        case let .strong(inlines), let .emphasis(inlines), let .variants(_, inlines): inlines.flatMap(\.mentionedUsers)
        case .text, .code, .link, .roomLink: []
        }
    }
}
