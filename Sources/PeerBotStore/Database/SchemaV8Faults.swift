/// An eighth-generation schema: how often each scheduled job has failed in a row, kept in the
/// database so that a restart does not give a job that keeps failing (or keeps killing the
/// process) a fresh set of attempts.
///
/// Shipped in migration "v8-faults" — never edit this text; add a later migration instead.
enum SchemaV8Faults {
    static let statements: [String] = [
        """
        CREATE TABLE jobFailure (
            jobKey TEXT PRIMARY KEY NOT NULL,
            failures INTEGER NOT NULL CHECK (failures > 0),
            lastFailedAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
    ]
}
