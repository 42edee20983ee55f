/// The third schema: planned sessions with their goals, confirmations, questions and
/// absences, and each student's readiness to facilitate.
///
/// Shipped in migration "v3" — never edit this text; add a later migration instead.
enum SchemaV3 {
    static let statements: [String] = [
        // One planned session. AUTOINCREMENT: `number` is the #id people see and type,
        // so a deleted session's number must never come back for another one.
        // `goalsOutboxID` has no foreign key: outbox rows are pruned, the session stays.
        """
        CREATE TABLE session (
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            groupID INTEGER NOT NULL REFERENCES studyGroup(id) ON DELETE CASCADE,
            title TEXT NOT NULL CHECK (title <> ''),
            startsAt DATETIME NOT NULL,
            durationSeconds INTEGER NOT NULL CHECK (durationSeconds > 0),
            activity TEXT CHECK (activity IN ('discussion', 'problem', 'project', 'case')),
            activityBrief TEXT,
            plannedAt DATETIME NOT NULL,
            plannedBy TEXT NOT NULL CHECK (plannedBy LIKE '@_%:_%'),
            cancelledAt DATETIME,
            goalsVersion INTEGER NOT NULL DEFAULT 1 CHECK (goalsVersion >= 1),
            goalsOutboxID INTEGER,
            goalsPostedVersion INTEGER,
            facilitator TEXT CHECK (facilitator = 'supervisor' OR facilitator LIKE '@_%:_%'),
            facilitatorOverride TEXT
                CHECK (facilitatorOverride = 'supervisor' OR facilitatorOverride LIKE '@_%:_%'),
            jobsFinishedAt DATETIME,
            CHECK ((activity IS NULL) = (activityBrief IS NULL)),
            CHECK ((goalsOutboxID IS NULL) = (goalsPostedVersion IS NULL)),
            CHECK (goalsPostedVersion BETWEEN 1 AND goalsVersion)
        )
        """,
        "CREATE INDEX session_groupStart ON session(groupID, startsAt)",
        // The scheduler asks for these on every tick.
        "CREATE INDEX session_openJobs ON session(startsAt) WHERE jobsFinishedAt IS NULL AND cancelledAt IS NULL",
        // A ✅ reaction names the goals message by event id: outbox row, then session.
        "CREATE INDEX session_goalsOutbox ON session(goalsOutboxID) WHERE goalsOutboxID IS NOT NULL",
        "CREATE INDEX outbox_eventID ON outbox(eventID) WHERE eventID IS NOT NULL",
        // Goals and expected outcomes, in the order the supervisor added them.
        """
        CREATE TABLE sessionItem (
            id INTEGER PRIMARY KEY,
            sessionNumber INTEGER NOT NULL REFERENCES session(number) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('goal', 'outcome')),
            text TEXT NOT NULL CHECK (text <> '')
        )
        """,
        "CREATE INDEX sessionItem_session ON sessionItem(sessionNumber, id)",
        // A student's confirmation that they understand the goals, for one goals version.
        """
        CREATE TABLE goalsConfirmation (
            sessionNumber INTEGER NOT NULL REFERENCES session(number) ON DELETE CASCADE,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            goalsVersion INTEGER NOT NULL CHECK (goalsVersion >= 1),
            at DATETIME NOT NULL,
            reactionEventID TEXT UNIQUE CHECK (reactionEventID LIKE '$_%'),
            PRIMARY KEY (sessionNumber, userID)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX goalsConfirmation_userID ON goalsConfirmation(userID)",
        // Questions about the goals, kept for the summary. No foreign key to the student:
        // a question may come from someone who has since left the roster.
        """
        CREATE TABLE goalsQuestion (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            sessionNumber INTEGER REFERENCES session(number) ON DELETE CASCADE,
            groupID INTEGER REFERENCES studyGroup(id) ON DELETE CASCADE,
            userID TEXT NOT NULL CHECK (userID LIKE '@_%:_%'),
            text TEXT NOT NULL CHECK (text <> ''),
            at DATETIME NOT NULL
        )
        """,
        "CREATE INDEX goalsQuestion_session ON goalsQuestion(sessionNumber, id)",
        "CREATE INDEX goalsQuestion_group ON goalsQuestion(groupID)",
        "CREATE INDEX goalsQuestion_userID ON goalsQuestion(userID)",
        // Whether a student may be chosen to facilitate; no row means not ready.
        """
        CREATE TABLE facilitatorReadiness (
            userID TEXT NOT NULL PRIMARY KEY REFERENCES student(userID) ON DELETE CASCADE,
            ready INTEGER NOT NULL CHECK (ready IN (0, 1)),
            changedAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        // Students excused from a session; the rotation skips them.
        """
        CREATE TABLE sessionAbsence (
            sessionNumber INTEGER NOT NULL REFERENCES session(number) ON DELETE CASCADE,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            markedAt DATETIME NOT NULL,
            PRIMARY KEY (sessionNumber, userID)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX sessionAbsence_userID ON sessionAbsence(userID)",
    ]
}
