import Foundation
import GRDB
import PeerLearning

extension ReflectionsReader {
    /// The session's reflections, private and shared, oldest first.
    public func all(session number: Int64) throws -> [ReflectionRecord] {
        try ReflectionRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM reflection WHERE sessionNumber = ? ORDER BY createdAt, id"), arguments: [number])
    }

    /// The reflection carried by this event, if any.
    public func find(eventID: String) throws -> ReflectionRecord? {
        try ReflectionRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM reflection WHERE eventID = ?"), arguments: [eventID])
    }

    /// The students who wrote at least one reflection on the session, in either scope.
    public func reflectedStudents(session number: Int64) throws -> Set<String> {
        try String.fetchSet(db.cachedStatement(sql: "SELECT userID FROM reflection WHERE sessionNumber = ?"), arguments: [number])
    }
}

extension ReflectionsWriter {
    /// Keeps a reflection message. Throws `SessionStoreError.sessionNotFound` and
    /// `RosterStoreError.studentNotOnRoster`; the schema refuses empty text.
    /// - returns: the reflection stored; nil when this event was stored already (a
    ///   redelivered event), which is left as it was.
    @discardableResult
    public func add(
        sessionNumber: Int64, userID: String, scope: ReflectionScope, text: String,
        eventID: String, roomID: String, at date: Date, late: Bool, masked: Bool = false
    ) throws -> ReflectionRecord? {
        guard try store.sessions.find(number: sessionNumber) != nil else {
            throw SessionStoreError.sessionNotFound(number: sessionNumber)
        }
        try store.roster.requireStudent(userID)
        try db.execute(
            sql: """
                INSERT INTO reflection (sessionNumber, userID, scope, text, eventID, roomID, createdAt, late, masked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (eventID) DO NOTHING
                """,
            arguments: [sessionNumber, userID, scope.rawValue, text, eventID, roomID, date.stored, late, masked])
        guard db.changesCount > 0 else {
            return nil
        }
        return ReflectionRecord(
            id: db.lastInsertedRowID, sessionNumber: sessionNumber, userID: userID, scope: scope, text: text,
            eventID: eventID, roomID: roomID, createdAt: date, late: late, masked: masked)
    }

    /// Replaces the text of the reflection carried by `eventID` (an `m.replace` edit);
    /// `masked` says whether the new text had identifiers masked. The schema refuses empty text.
    /// - returns: false when no reflection was carried by that event.
    @discardableResult
    public func edit(eventID: String, text: String, at date: Date, masked: Bool = false) throws -> Bool {
        try db.execute(
            sql: "UPDATE reflection SET text = ?, editedAt = ?, masked = ? WHERE eventID = ?",
            arguments: [text, date.stored, masked, eventID])
        return db.changesCount > 0
    }

    /// Deletes the reflection carried by `eventID`, now redacted.
    /// - returns: false when no reflection was carried by that event.
    @discardableResult
    public func remove(eventID: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM reflection WHERE eventID = ?", arguments: [eventID])
        guard db.changesCount > 0 else { return false }
        try store.privacy.noteErasure()
        return true
    }
}
