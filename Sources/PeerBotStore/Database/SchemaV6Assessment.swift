/// Release of assessment rounds to the students and per-student deadline extensions.
///
/// Shipped in migration "v6-assessment" — never edit this text; add a later migration instead.
/// Scores are not stored: they are computed from the ratings whenever they are read, so rounds
/// stored before the fair score was introduced are scored by it without any rewrite.
enum SchemaV6Assessment {
    static let statements: [String] = [
        // When, and by whom, a closed round's bands and comments went to its students; once.
        "ALTER TABLE assessmentRound ADD COLUMN releasedAt DATETIME",
        "ALTER TABLE assessmentRound ADD COLUMN releasedBy TEXT CHECK (releasedBy IS NULL OR releasedBy LIKE '@_%:_%')",
        // One student's later reflection deadline for one session; their reminder is kept apart.
        """
        CREATE TABLE reflectionExtension (
            sessionNumber INTEGER NOT NULL REFERENCES reflectionRound(sessionNumber) ON DELETE CASCADE,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            deadline DATETIME NOT NULL,
            grantedAt DATETIME NOT NULL,
            remindedAt DATETIME,
            PRIMARY KEY (sessionNumber, userID),
            CHECK (deadline >= grantedAt)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX reflectionExtension_userID ON reflectionExtension(userID)",
        // One student's later deadline for their ratings in one round.
        """
        CREATE TABLE assessmentExtension (
            roundID INTEGER NOT NULL REFERENCES assessmentRound(id) ON DELETE CASCADE,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            deadline DATETIME NOT NULL,
            grantedAt DATETIME NOT NULL,
            remindedAt DATETIME,
            PRIMARY KEY (roundID, userID),
            CHECK (deadline >= grantedAt)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX assessmentExtension_userID ON assessmentExtension(userID)",
    ]
}
