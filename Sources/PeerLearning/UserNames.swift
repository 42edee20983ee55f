/// The people a command's user argument may name: the ids a client's mention pills listed in
/// `m.mentions.user_ids` (in order, the bot left out) and the display names the bot knows.
public struct UserNames: Equatable, Sendable {
    /// A display name the bot knows for a user (the roster's `name`).
    public struct Known: Hashable, Sendable {
        public let userID: String
        public let name: String
        public init(userID: String, name: String) {
            self.userID = userID
            self.name = name
        }
    }

    public let mentions: [String]
    public let known: [Known]

    public static let none = UserNames(mentions: [], botUserID: "", known: [])

    public init(mentions: [String], botUserID: String, known: [Known]) {
        var seen: Set<String> = []
        self.mentions = mentions.filter { $0 != botUserID && MatrixUserID.isValid($0) && seen.insert($0).inserted }
        self.known = known
    }

    /// The longest display name a run of words is tried against.
    static let longestName = 6

    /// The user named by the first words of `words`: a full id, else the longest run of words
    /// that is the known name of a mentioned user, else of exactly one known user.
    public func match(_ words: [String]) -> UserMatch {
        guard let first = words.first else { return .none }
        if MatrixUserID.isValid(first) { return .user(first, words: 1) }
        for length in stride(from: min(Self.longestName, words.count), through: 1, by: -1) {
            let typed = Self.folded(words.prefix(length).joined(separator: " "))
            guard !typed.isEmpty else { continue }
            let named = Set(known.filter { Self.folded($0.name) == typed }.map(\.userID))
            // A pill settles which of several people sharing a name was meant.
            if let mentioned = mentions.first(where: named.contains) { return .user(mentioned, words: length) }
            if named.count == 1, let only = named.first { return .user(only, words: length) }
            if named.count > 1 { return .ambiguous(name: words.prefix(length).joined(separator: " "), candidates: named.sorted()) }
        }
        return .none
    }

    /// A name as compared: case folded, without the `@` or the `:`/`,` a client adds to a pill.
    static func folded(_ text: String) -> String {
        var text = Substring(text.lowercased())
        if text.hasPrefix("@") { text = text.dropFirst() }
        while let last = text.last, ":,".contains(last) { text = text.dropLast() }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Who the first words of a user argument name.
public enum UserMatch: Equatable, Sendable {
    case user(String, words: Int)
    case ambiguous(name: String, candidates: [String])
    case none
}
