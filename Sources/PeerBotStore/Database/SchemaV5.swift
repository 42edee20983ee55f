/// The fifth schema: peer-assessment rounds with each rater's task list and their ratings,
/// feedback from supervisors, and the anonymous counts that outlive erased data.
///
/// Shipped in migration "v5" — never edit this text; add a later migration instead.
/// Assignments, ratings and feedback to a student cascade from the roster, like reflections.
enum SchemaV5 {
    static let statements: [String] = [
        // One round of one group. AUTOINCREMENT: a round's id may appear in exports and
        // must never name another round later. The result's outbox id has no foreign key:
        // outbox rows are pruned, the round stays.
        """
        CREATE TABLE assessmentRound (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            groupID INTEGER NOT NULL REFERENCES studyGroup(id) ON DELETE CASCADE,
            startedAt DATETIME NOT NULL,
            deadline DATETIME NOT NULL,
            startedBy TEXT NOT NULL CHECK (startedBy = 'schedule' OR startedBy LIKE '@_%:_%'),
            selfAssessment INTEGER NOT NULL CHECK (selfAssessment IN (0, 1)),
            remindedAt DATETIME,
            closedAt DATETIME,
            resultOutboxID INTEGER,
            CHECK (deadline >= startedAt),
            CHECK (resultOutboxID IS NULL OR closedAt IS NOT NULL)
        )
        """,
        // At most one open round per group; the scheduler asks for open rounds on every tick.
        "CREATE UNIQUE INDEX assessmentRound_openPerGroup ON assessmentRound(groupID) WHERE closedAt IS NULL",
        "CREATE INDEX assessmentRound_group ON assessmentRound(groupID, startedAt)",
        // Whom each rater rates in a round, in the order the requests are shown.
        """
        CREATE TABLE assessmentAssignment (
            roundID INTEGER NOT NULL REFERENCES assessmentRound(id) ON DELETE CASCADE,
            rater TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            subject TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 1),
            requestedAt DATETIME,
            answeredAt DATETIME,
            PRIMARY KEY (roundID, rater, subject),
            UNIQUE (roundID, rater, position)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX assessmentAssignment_rater ON assessmentAssignment(rater)",
        "CREATE INDEX assessmentAssignment_subject ON assessmentAssignment(subject)",
        // One rater's marks for one subject on the five criteria, only for an assigned pair.
        // 0 is allowed: a rater who gives all zeros is left out of the score.
        """
        CREATE TABLE rating (
            roundID INTEGER NOT NULL,
            rater TEXT NOT NULL,
            subject TEXT NOT NULL,
            m1 INTEGER NOT NULL CHECK (m1 BETWEEN 0 AND 5),
            m2 INTEGER NOT NULL CHECK (m2 BETWEEN 0 AND 5),
            m3 INTEGER NOT NULL CHECK (m3 BETWEEN 0 AND 5),
            m4 INTEGER NOT NULL CHECK (m4 BETWEEN 0 AND 5),
            m5 INTEGER NOT NULL CHECK (m5 BETWEEN 0 AND 5),
            comment TEXT CHECK (comment <> ''),
            at DATETIME NOT NULL,
            commentReleased INTEGER NOT NULL DEFAULT 0 CHECK (commentReleased IN (0, 1)),
            PRIMARY KEY (roundID, rater, subject),
            FOREIGN KEY (roundID, rater, subject)
                REFERENCES assessmentAssignment(roundID, rater, subject) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        "CREATE INDEX rating_subject ON rating(subject)",
        "CREATE INDEX rating_at ON rating(at) WHERE comment IS NOT NULL",
        // Feedback to exactly one student or one group.
        """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            userID TEXT REFERENCES student(userID) ON DELETE CASCADE,
            groupID INTEGER REFERENCES studyGroup(id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (text <> ''),
            "from" TEXT NOT NULL CHECK ("from" LIKE '@_%:_%'),
            at DATETIME NOT NULL,
            CHECK ((userID IS NULL) <> (groupID IS NULL))
        )
        """,
        "CREATE INDEX feedback_userID ON feedback(userID, at)",
        "CREATE INDEX feedback_group ON feedback(groupID, at)",
        "CREATE INDEX feedback_at ON feedback(at)",
        // Retention and forgetting keep only these totals: no names, no user ids, no text.
        """
        CREATE TABLE anonymousCount (
            key TEXT NOT NULL PRIMARY KEY CHECK (key <> ''),
            count INTEGER NOT NULL CHECK (count >= 0)
        ) WITHOUT ROWID
        """,
        // Retention deletes by age.
        "CREATE INDEX reflection_createdAt ON reflection(createdAt)",
        "CREATE INDEX goalsQuestion_at ON goalsQuestion(at)",
    ]
}
