/// A student named in a command: a full user id as typed, or the text a client's mention pill
/// left in `body` (a display name), to be resolved from the event's `m.mentions.user_ids`.
public enum UserArgument: Equatable, Sendable {
    case id(String)
    case mention(String)
}

extension CommandParser {
    /// `release [<group>] [round]`: the round is the group's round number (1 for its first).
    static func parseRelease(_ cursor: inout ArgumentCursor) -> CourseCommand? {
        let group = cursor.next(groupRef) ?? .omitted
        let round = cursor.next(sessionNumber)
        return cursor.isAtEnd ? .release(group: group, round: round) : nil
    }

    /// `extend @user <duration>`: the duration is the longest run of last words that reads as
    /// one (`2h`, `2 timer`, `1 time 30 min`), everything before it the user (a pill's display
    /// name may hold spaces).
    static func parseExtend(_ cursor: inout ArgumentCursor) -> CourseCommand? {
        var words: [String] = []
        while let word = cursor.next() { words.append(word) }
        guard words.count >= 2 else { return nil }
        let longest = min(4, words.count - 1)
        guard let (length, duration) = (1...longest).reversed().lazy.compactMap({ length in
            DurationSpec.parse(words.suffix(length).joined(separator: " ")).map { (length, $0) }
        }).first else { return nil }
        words.removeLast(length)
        if words.count == 1, let id = userID(words[0]) { return .extend(user: .id(id), duration: duration) }
        let name = words.joined(separator: " ")
        // Something that looks like an id but is not one is a typing mistake, not a display name.
        guard !name.hasPrefix("@") || !name.contains(":") else { return nil }
        return .extend(user: .mention(name), duration: duration)
    }
}
