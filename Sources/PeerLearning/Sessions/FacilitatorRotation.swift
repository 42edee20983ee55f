/// Who facilitates a group's session, by the rotation rule.
///
/// Among ready students who are not absent: the fewest facilitations, then the longest since
/// their last (never counts as longest), then roster order; never the student who facilitated
/// the group's previous session while another ready, present student exists. With no ready,
/// present student the supervisor facilitates. A supervisor's override wins.
public enum FacilitatorRotation {
    /// Who facilitates, in order of precedence: the choice frozen at the session's start, then a
    /// supervisor's override for the session, then the rotation.
    ///
    /// - Parameters:
    ///   - members: the group's students in roster order, with readiness as it applies to this session.
    ///   - absent: user ids excused from this session.
    ///   - history: the group's earlier sessions, oldest first, with who facilitated each
    ///     (supervisor sessions included: they count for nobody and break a "row").
    ///   - frozen: who was decided at the start, once it has passed.
    ///   - override: what a supervisor chose for this session, if anything.
    public static func choose(
        members: [RotationMember], absent: Set<String>, history: [Facilitation],
        frozen: FacilitatorChoice? = nil, override: FacilitatorOverride? = nil
    ) -> FacilitatorChoice {
        if let frozen { return frozen }
        switch override {
        case .student(let userID): return .override(userID)
        case .supervisor: return .supervisor
        case nil: break
        }
        let candidates = members.filter { $0.ready && !absent.contains($0.userID) }.map(\.userID)
        let ranked = rank(candidates, history: history)
        let previous = history.last?.facilitator.userID
        guard let best = ranked.first(where: { $0 != previous }) ?? ranked.first else { return .supervisor }
        return .student(best)
    }

    /// How many sessions each student has facilitated in `history`.
    public static func counts(in history: [Facilitation]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entry in history {
            if let id = entry.facilitator.userID { counts[id, default: 0] += 1 }
        }
        return counts
    }

    /// Candidates best first: fewest facilitations, longest since the last, roster order.
    private static func rank(_ candidates: [String], history: [Facilitation]) -> [String] {
        let counts = counts(in: history)
        var lastIndex: [String: Int] = [:]
        for (index, entry) in history.enumerated() {
            if let id = entry.facilitator.userID { lastIndex[id] = index }
        }
        let keyed = candidates.enumerated().map { position, id in
            (id: id, count: counts[id, default: 0], last: lastIndex[id] ?? -1, position: position)
        }
        return keyed.sorted { lhs, rhs in
            if lhs.count != rhs.count { return lhs.count < rhs.count }
            if lhs.last != rhs.last { return lhs.last < rhs.last }
            return lhs.position < rhs.position
        }.map(\.id)
    }
}

/// A supervisor's `!facilitator` choice for one session: a student, or the supervisor.
public enum FacilitatorOverride: Sendable, Equatable {
    case student(String)
    case supervisor
}
