/// The first schema: sync position, processed events, outbox, rooms, settings, job ledger.
///
/// Shipped in migration "v1" — never edit this text; add a later migration instead.
/// No foreign keys here on purpose: the outbox and processed events name rooms the bot
/// does not manage (or no longer does), and removing a room must not touch them.
enum SchemaV1 {
    static let statements: [String] = [
        // A single row: where the next /sync continues.
        """
        CREATE TABLE syncPosition (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            nextBatch TEXT NOT NULL CHECK (nextBatch <> '')
        )
        """,
        // Event ids already handled; pruned by age.
        """
        CREATE TABLE processedEvent (
            eventID TEXT NOT NULL PRIMARY KEY CHECK (eventID <> ''),
            roomID TEXT NOT NULL CHECK (roomID <> ''),
            processedAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        "CREATE INDEX processedEvent_processedAt ON processedEvent(processedAt)",
        // Messages, state changes and redactions to deliver, each with its own
        // transaction id. AUTOINCREMENT keeps ids (and so send order) growing even
        // after old rows are pruned.
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            txnID TEXT NOT NULL UNIQUE CHECK (txnID <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('send', 'state', 'redact', 'join', 'leave', 'invite', 'kick', 'create', 'file')),
            roomID TEXT NOT NULL CHECK (roomID <> ''),
            eventType TEXT CHECK (eventType <> ''),
            stateKey TEXT,
            contentJSON TEXT CHECK (contentJSON IS NULL
                OR (json_valid(contentJSON) AND json_type(contentJSON) = 'object')),
            targetEventID TEXT CHECK (targetEventID <> ''),
            targetUserID TEXT CHECK (targetUserID LIKE '@_%:_%'),
            reason TEXT,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            lastError TEXT,
            eventID TEXT,
            createdAt DATETIME NOT NULL,
            finishedAt DATETIME,
            CHECK (CASE kind
                WHEN 'send' THEN eventType IS NOT NULL AND contentJSON IS NOT NULL
                    AND stateKey IS NULL AND targetEventID IS NULL AND targetUserID IS NULL AND reason IS NULL
                WHEN 'state' THEN eventType IS NOT NULL AND contentJSON IS NOT NULL
                    AND stateKey IS NOT NULL AND targetEventID IS NULL AND targetUserID IS NULL AND reason IS NULL
                WHEN 'redact' THEN eventType IS NULL AND contentJSON IS NULL
                    AND stateKey IS NULL AND targetEventID IS NOT NULL AND targetUserID IS NULL
                WHEN 'invite' THEN eventType IS NULL AND contentJSON IS NULL AND stateKey IS NULL
                    AND targetEventID IS NULL AND targetUserID IS NOT NULL AND reason IS NULL
                WHEN 'kick' THEN eventType IS NULL AND contentJSON IS NULL AND stateKey IS NULL
                    AND targetEventID IS NULL AND targetUserID IS NOT NULL
                WHEN 'file' THEN eventType IS NULL AND contentJSON IS NOT NULL AND stateKey IS NULL
                    AND targetEventID IS NULL AND targetUserID IS NULL
                WHEN 'create' THEN eventType IS NULL AND contentJSON IS NOT NULL AND stateKey IS NULL
                    AND targetEventID IS NULL AND targetUserID IS NULL AND roomID LIKE 'ref:_%'
                ELSE eventType IS NULL AND contentJSON IS NULL AND stateKey IS NULL
                    AND targetEventID IS NULL AND targetUserID IS NULL AND reason IS NULL END),
            CHECK ((state = 'pending') = (finishedAt IS NULL)),
            CHECK (state = 'sent' OR eventID IS NULL)
        )
        """,
        "CREATE INDEX outbox_pending ON outbox(id) WHERE state = 'pending'",
        // The rooms the bot manages and what each is for.
        """
        CREATE TABLE room (
            roomID TEXT NOT NULL PRIMARY KEY CHECK (roomID LIKE '!_%'),
            kind TEXT NOT NULL CHECK (kind IN ('supervisor', 'group', 'direct', 'invited')),
            language TEXT CHECK (length(language) BETWEEN 2 AND 3 AND language NOT GLOB '*[^a-z]*'),
            groupName TEXT CHECK (groupName <> ''),
            userID TEXT CHECK (userID LIKE '@_%:_%'),
            joinedAt DATETIME,
            CHECK ((kind = 'group') = (groupName IS NOT NULL)),
            CHECK (kind <> 'direct' OR userID IS NOT NULL)
        )
        """,
        "CREATE UNIQUE INDEX room_oneSupervisorRoom ON room(kind) WHERE kind = 'supervisor'",
        "CREATE UNIQUE INDEX room_oneDirectRoomPerUser ON room(userID) WHERE kind = 'direct'",
        """
        CREATE TABLE setting (
            key TEXT NOT NULL PRIMARY KEY CHECK (key <> ''),
            value TEXT NOT NULL
        ) WITHOUT ROWID
        """,
        // Rooms the bot created through the outbox, by the reference later actions used for them.
        """
        CREATE TABLE roomRef (
            ref TEXT NOT NULL PRIMARY KEY CHECK (ref LIKE 'ref:_%'),
            roomID TEXT NOT NULL UNIQUE CHECK (roomID LIKE '!_%')
        ) WITHOUT ROWID
        """,
        // Scheduled jobs that have run, so none runs twice.
        """
        CREATE TABLE jobRun (
            jobKey TEXT NOT NULL PRIMARY KEY CHECK (jobKey <> ''),
            ranAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
    ]
}
