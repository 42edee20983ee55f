/// The fourth schema: reflections and their rounds (prompt, reminder, summary), tasks and
/// participation counts.
///
/// Shipped in migration "v4" — never edit this text; add a later migration instead.
/// Everything a student wrote or was counted for cascades from the roster: forgetting a
/// student removes their reflections, their own tasks and their message counts.
enum SchemaV4 {
    static let statements: [String] = [
        // One reflection message. `eventID` is the Matrix event that carried it, so that an
        // edit or a redaction of that event finds it and a redelivered event is stored once.
        """
        CREATE TABLE reflection (
            id INTEGER PRIMARY KEY,
            sessionNumber INTEGER NOT NULL REFERENCES session(number) ON DELETE CASCADE,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            scope TEXT NOT NULL CHECK (scope IN ('group', 'private')),
            text TEXT NOT NULL CHECK (text <> ''),
            eventID TEXT NOT NULL UNIQUE CHECK (eventID LIKE '$_%'),
            roomID TEXT NOT NULL CHECK (roomID LIKE '!_%'),
            createdAt DATETIME NOT NULL,
            editedAt DATETIME,
            late INTEGER NOT NULL CHECK (late IN (0, 1))
        )
        """,
        "CREATE INDEX reflection_session ON reflection(sessionNumber, createdAt)",
        "CREATE INDEX reflection_userID ON reflection(userID)",
        // Per session, the prompt and what followed it, each done once. The outbox ids have
        // no foreign key: outbox rows are pruned, the round stays.
        """
        CREATE TABLE reflectionRound (
            sessionNumber INTEGER NOT NULL PRIMARY KEY REFERENCES session(number) ON DELETE CASCADE,
            promptOutboxID INTEGER,
            promptedAt DATETIME NOT NULL,
            deadline DATETIME NOT NULL,
            remindedAt DATETIME,
            summaryOutboxID INTEGER,
            summarizedAt DATETIME,
            CHECK (deadline >= promptedAt),
            CHECK (summaryOutboxID IS NULL OR summarizedAt IS NOT NULL)
        )
        """,
        // A reply in the prompt's thread names the root by event id: outbox row, then round.
        "CREATE INDEX reflectionRound_promptOutbox ON reflectionRound(promptOutboxID) WHERE promptOutboxID IS NOT NULL",
        // The scheduler asks for these on every tick.
        "CREATE INDEX reflectionRound_open ON reflectionRound(deadline) WHERE summarizedAt IS NULL",
        // A responsibility for one student, or for the whole group when `assignee` is NULL.
        // AUTOINCREMENT: the id is what people type in `!task done`, so it is never reused.
        // A task outlives the session it was agreed around.
        """
        CREATE TABLE task (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            groupID INTEGER NOT NULL REFERENCES studyGroup(id) ON DELETE CASCADE,
            assignee TEXT REFERENCES student(userID) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (text <> ''),
            due TEXT CHECK (due <> ''),
            sessionNumber INTEGER REFERENCES session(number) ON DELETE SET NULL,
            createdBy TEXT NOT NULL CHECK (createdBy LIKE '@_%:_%'),
            createdAt DATETIME NOT NULL,
            doneAt DATETIME,
            doneBy TEXT CHECK (doneBy LIKE '@_%:_%'),
            CHECK ((doneAt IS NULL) = (doneBy IS NULL))
        )
        """,
        "CREATE INDEX task_group ON task(groupID, id)",
        "CREATE INDEX task_assignee ON task(assignee, id)",
        "CREATE INDEX task_session ON task(sessionNumber, id)",
        // How many messages each student wrote in the group room during a session: counts
        // only, never content. A row exists only once there is something to count.
        """
        CREATE TABLE participation (
            sessionNumber INTEGER NOT NULL REFERENCES session(number) ON DELETE CASCADE,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            count INTEGER NOT NULL CHECK (count > 0),
            PRIMARY KEY (sessionNumber, userID)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX participation_userID ON participation(userID)",
    ]
}
