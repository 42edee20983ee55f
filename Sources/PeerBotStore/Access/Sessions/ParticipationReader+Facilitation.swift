import Foundation
import GRDB

// Who may facilitate: readiness per student (default not ready) and absences per session.
extension ParticipationReader {
    /// Whether a supervisor marked the student ready to facilitate.
    public func isReady(_ userID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT ready FROM facilitatorReadiness WHERE userID = ?"), arguments: [userID]) ?? false
    }

    /// Every student marked ready to facilitate.
    public func readyStudents() throws -> Set<String> {
        try String.fetchSet(db.cachedStatement(sql: "SELECT userID FROM facilitatorReadiness WHERE ready = 1"))
    }

    /// The students excused from the session.
    public func absentees(_ number: Int64) throws -> Set<String> {
        try String.fetchSet(db.cachedStatement(sql: "SELECT userID FROM sessionAbsence WHERE sessionNumber = ?"), arguments: [number])
    }
}

extension ParticipationWriter {
    /// Marks the student ready (or not) to facilitate. Throws
    /// `RosterStoreError.studentNotOnRoster`.
    public func setReady(_ userID: String, _ ready: Bool, at date: Date) throws {
        try store.roster.requireStudent(userID)
        try db.execute(
            sql: """
                INSERT INTO facilitatorReadiness (userID, ready, changedAt) VALUES (?, ?, ?)
                ON CONFLICT (userID) DO UPDATE SET ready = excluded.ready, changedAt = excluded.changedAt
                """,
            arguments: [userID, ready, date.stored])
    }

    /// Excuses the student from the session; marking them twice keeps the first time.
    /// Throws `SessionStoreError.sessionNotFound`, `.sessionCancelled` and
    /// `RosterStoreError.studentNotOnRoster`.
    public func markAbsent(_ number: Int64, userID: String, at date: Date) throws {
        try store.sessions.requireOpen(number)
        try store.roster.requireStudent(userID)
        try db.execute(
            sql: """
                INSERT INTO sessionAbsence (sessionNumber, userID, markedAt) VALUES (?, ?, ?)
                ON CONFLICT (sessionNumber, userID) DO NOTHING
                """,
            arguments: [number, userID, date.stored])
    }
}
