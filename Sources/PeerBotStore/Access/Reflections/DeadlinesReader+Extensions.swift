import Foundation
import GRDB

/// One student's later deadline for a reflection or for their ratings in a round.
public struct DeadlineExtension: Sendable, Equatable {
    public var userID: String
    public var deadline: Date
    public var grantedAt: Date
    /// When the reminder for the new deadline went out (or was not needed).
    public var remindedAt: Date?

    init(row: Row) {
        userID = row["userID"]
        deadline = (row["deadline"] as StoredDate?)?.date ?? .distantPast
        grantedAt = (row["grantedAt"] as StoredDate?)?.date ?? .distantPast
        remindedAt = (row["remindedAt"] as StoredDate?)?.date
    }
}

/// Which deadline an extension moves.
public enum ExtensionKind: Sendable {
    /// The reflection on one session (its number).
    case reflection(session: Int64)
    /// The ratings in one assessment round (its id).
    case assessment(round: Int64)

    var table: String { if case .reflection = self { "reflectionExtension" } else { "assessmentExtension" } }
    var keyColumn: String { if case .reflection = self { "sessionNumber" } else { "roundID" } }
    var key: Int64 {
        switch self {
        case .reflection(let session): session
        case .assessment(let round): round
        }
    }
}

extension DeadlinesReader {
    /// The extensions granted for a reflection or round, by user id.
    public func extensions(_ kind: ExtensionKind) throws -> [String: DeadlineExtension] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(kind.table) WHERE \(kind.keyColumn) = ?", arguments: [kind.key])
        return Dictionary(rows.map { DeadlineExtension(row: $0) }.map { ($0.userID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The student's own deadline: their extension's, or else `common`.
    public func deadline(_ kind: ExtensionKind, userID: String, common: Date) throws -> Date {
        let stored = try StoredDate.fetchOne(
            db, sql: "SELECT deadline FROM \(kind.table) WHERE \(kind.keyColumn) = ? AND userID = ?", arguments: [kind.key, userID])
        return stored?.date ?? common
    }
}

extension DeadlinesWriter {
    /// Sets the student's deadline, replacing an earlier extension of the same deadline.
    /// `reminded` when no reminder should follow (the new deadline is too close for one).
    public func extend(_ kind: ExtensionKind, userID: String, to deadline: Date, at date: Date, reminded: Bool) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO \(kind.table) (\(kind.keyColumn), userID, deadline, grantedAt, remindedAt)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [kind.key, userID, deadline.stored, date.stored, reminded ? date.stored : nil])
    }

    /// Records that the student's reminder for the extended deadline went out.
    public func markReminded(_ kind: ExtensionKind, userID: String, at date: Date) throws {
        try db.execute(
            sql: "UPDATE \(kind.table) SET remindedAt = coalesce(remindedAt, ?) WHERE \(kind.keyColumn) = ? AND userID = ?",
            arguments: [date.stored, kind.key, userID])
    }
}

extension AssessmentWriter {
    /// Records that a closed round went to its students. False (and nothing changed) when it
    /// already had, or is not closed. Throws `AssessmentStoreError.roundNotFound`.
    public func markReleased(round id: Int64, by userID: String, at date: Date) throws -> Bool {
        try requireRound(id)
        try db.execute(
            sql: "UPDATE assessmentRound SET releasedAt = ?, releasedBy = ? WHERE id = ? AND closedAt IS NOT NULL AND releasedAt IS NULL",
            arguments: [date.stored, userID, id])
        return db.changesCount > 0
    }
}
