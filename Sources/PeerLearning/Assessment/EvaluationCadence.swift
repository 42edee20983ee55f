/// When a peer-assessment round starts on its own: after every `evaluation_every` sessions.
public enum EvaluationCadence {
    /// Whether the session that just ended, the `endedSessions`-th of the group, starts a round.
    /// `every` 0 means rounds start only on `!evaluate`.
    public static func roundDue(endedSessions: Int, every: Int) -> Bool {
        every > 0 && endedSessions > 0 && endedSessions % every == 0
    }
}
