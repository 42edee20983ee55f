/// An eighth-generation schema: the goals message and the reflection prompt (the root of the
/// group's reflection thread) are named on the session and the round themselves, so a ✅ or a
/// thread reply still finds them after housekeeping has pruned the outbox rows that posted them.
/// Existing links are copied from the outbox rows still there.
///
/// Shipped in migration "v8-structure" — never edit this text; add a later migration instead.
enum SchemaV8Structure {
    static let statements: [String] = [
        "ALTER TABLE session ADD COLUMN goalsEventID TEXT",
        "ALTER TABLE reflectionRound ADD COLUMN promptEventID TEXT",
        """
        UPDATE session SET goalsEventID = (SELECT eventID FROM outbox WHERE outbox.id = session.goalsOutboxID)
        WHERE goalsOutboxID IS NOT NULL
        """,
        """
        UPDATE reflectionRound SET promptEventID = (SELECT eventID FROM outbox WHERE outbox.id = reflectionRound.promptOutboxID)
        WHERE promptOutboxID IS NOT NULL
        """,
        "CREATE INDEX session_goalsEvent ON session(goalsEventID) WHERE goalsEventID IS NOT NULL",
        "CREATE INDEX reflectionRound_promptEvent ON reflectionRound(promptEventID) WHERE promptEventID IS NOT NULL",
    ]
}
