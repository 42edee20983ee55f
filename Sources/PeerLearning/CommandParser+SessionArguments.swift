extension CommandParser {
    /// `session plan [<group>|all] <when> <duration> <title…>`. The group may be left out
    /// when the words start with a `<when>`; the title keeps its case and newlines.
    static func parseSessionPlan(_ cursor: inout ArgumentCursor) -> SessionsCommand? {
        let group: GroupRef
        var probe = cursor
        if WhenSpec.scan(&probe) != nil {
            group = .omitted
        } else if let named = cursor.next(groupRef) {
            group = named
        } else {
            return nil
        }
        guard let when = WhenSpec.scan(&cursor),
              let duration = DurationSpec.scan(&cursor),
              let title = requiredText(&cursor)
        else { return nil }
        return .sessionPlan(group: group, when: when, duration: duration, title: title)
    }

    /// `session activity [#session] discussion|problem|project|case [brief…]`.
    static func parseSessionActivity(_ cursor: inout ArgumentCursor) -> SessionsCommand? {
        let session = cursor.next(sessionNumber).map(SessionRef.number) ?? .next
        guard let kind = cursor.next(ActivityKind.init(word:)) else { return nil }
        return .sessionActivity(session: session, kind: kind, brief: cursor.remainder())
    }

    /// `session move [#session] <when>`.
    static func parseSessionMove(_ cursor: inout ArgumentCursor) -> SessionsCommand? {
        let session = cursor.next(sessionNumber).map(SessionRef.number) ?? .next
        guard let when = WhenSpec.scan(&cursor), cursor.isAtEnd else { return nil }
        return .sessionMove(session: session, when: when)
    }

    /// `absent [#session] [@user]`, in either order.
    static func parseAbsent(_ cursor: inout ArgumentCursor) -> ParticipationCommand? {
        var session: Int?
        var user: String?
        while let word = cursor.next() {
            if session == nil, let number = sessionNumber(word) {
                session = number
            } else if user == nil, let id = userID(word) {
                user = id
            } else {
                return nil
            }
        }
        return .absent(session: session.map(SessionRef.number) ?? .next, user: user)
    }

    /// `summary [<group>] [#session]`.
    static func parseSummary(_ cursor: inout ArgumentCursor) -> ReportingCommand? {
        let group = cursor.next(groupRef) ?? .omitted
        let session = cursor.next(sessionNumber).map(SessionRef.number) ?? .next
        guard cursor.isAtEnd else { return nil }
        return .summary(group: group, session: session)
    }
}
