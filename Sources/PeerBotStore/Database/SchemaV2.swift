/// The second schema: the roster, study groups with their members, the pair history,
/// group proposals and roster files waiting to be imported.
///
/// Shipped in migration "v2" — never edit this text; add a later migration instead.
enum SchemaV2 {
    static let statements: [String] = [
        // The roster. `position` is the roster order: a new student goes last and keeps
        // their place when updated.
        """
        CREATE TABLE student (
            userID TEXT NOT NULL PRIMARY KEY CHECK (userID LIKE '@_%:_%'),
            name TEXT NOT NULL CHECK (name <> ''),
            attributes TEXT NOT NULL DEFAULT '{}'
                CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
            position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
            addedAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        ) WITHOUT ROWID
        """,
        // One row per group of every formation ("generation"); the groups not archived
        // are the active ones. (id, generation) is unique so that members can name both.
        """
        CREATE TABLE studyGroup (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL CHECK (name <> ''),
            generation INTEGER NOT NULL CHECK (generation >= 1),
            roomID TEXT UNIQUE CHECK (roomID LIKE '!_%'),
            createdAt DATETIME NOT NULL,
            archivedAt DATETIME,
            UNIQUE (id, generation)
        )
        """,
        "CREATE UNIQUE INDEX studyGroup_activeName ON studyGroup(lower(name)) WHERE archivedAt IS NULL",
        "CREATE INDEX studyGroup_generation ON studyGroup(generation)",
        // A student's membership of one group. The generation is copied from the group
        // (the composite key guarantees it matches) so that UNIQUE (userID, generation)
        // keeps every student in at most one group per formation, hence one active group.
        """
        CREATE TABLE groupMember (
            groupID INTEGER NOT NULL,
            userID TEXT NOT NULL REFERENCES student(userID) ON DELETE CASCADE,
            generation INTEGER NOT NULL,
            joinedRoomAt DATETIME,
            reportedMissingAt DATETIME,
            PRIMARY KEY (groupID, userID),
            UNIQUE (userID, generation),
            FOREIGN KEY (groupID, generation) REFERENCES studyGroup(id, generation) ON DELETE CASCADE
        ) WITHOUT ROWID
        """,
        // How often two students were put in the same group, each pair once (userA < userB).
        // No foreign keys: the history outlives a student's removal from the roster, so
        // that re-adding them does not forget whom they already worked with.
        """
        CREATE TABLE groupPair (
            userA TEXT NOT NULL,
            userB TEXT NOT NULL,
            timesTogether INTEGER NOT NULL CHECK (timesTogether >= 1),
            PRIMARY KEY (userA, userB),
            CHECK (userA < userB)
        ) WITHOUT ROWID
        """,
        // Proposals of `!groups plan`; the latest one is what `!groups create` uses.
        """
        CREATE TABLE groupProposal (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            proposalJSON TEXT NOT NULL CHECK (json_valid(proposalJSON)),
            createdBy TEXT NOT NULL CHECK (createdBy LIKE '@_%:_%'),
            createdAt DATETIME NOT NULL,
            consumedAt DATETIME
        )
        """,
        // Roster files uploaded to the supervisor room, until downloaded and imported.
        """
        CREATE TABLE rosterUpload (
            eventID TEXT NOT NULL PRIMARY KEY CHECK (eventID LIKE '$_%'),
            roomID TEXT NOT NULL CHECK (roomID LIKE '!_%'),
            sender TEXT NOT NULL CHECK (sender LIKE '@_%:_%'),
            mxcURI TEXT NOT NULL CHECK (mxcURI LIKE 'mxc://_%/_%'),
            filename TEXT NOT NULL CHECK (filename <> ''),
            size INTEGER CHECK (size >= 0),
            createdAt DATETIME NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed'))
        )
        """,
        "CREATE INDEX rosterUpload_pending ON rosterUpload(createdAt) WHERE state = 'pending'",
    ]
}
