import Foundation
import GRDB

extension GroupsReader {
    /// The most recent proposal, used or not (`consumedAt` says which).
    public func latestProposal() throws -> GroupProposalRecord? {
        try GroupProposalRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM groupProposal ORDER BY id DESC LIMIT 1"))
    }
}

extension GroupsWriter {
    /// Keeps the proposal as the one `!groups create` will use. Earlier proposals are
    /// deleted: only the latest can be used, and they name students.
    @discardableResult
    public func saveProposal(json: String, createdBy: String, at date: Date) throws -> GroupProposalRecord {
        try db.execute(sql: "DELETE FROM groupProposal")
        try db.execute(
            sql: "INSERT INTO groupProposal (proposalJSON, createdBy, createdAt) VALUES (?, ?, ?)",
            arguments: [json, createdBy, date.stored])
        return GroupProposalRecord(id: db.lastInsertedRowID, proposalJSON: json, createdBy: createdBy, createdAt: date)
    }

    /// Marks the proposal used. Throws `RosterStoreError.proposalNotFound` for an unknown
    /// id and `.proposalAlreadyUsed` if it was used before, so it creates groups only once.
    public func consumeProposal(id: Int64, at date: Date) throws {
        try db.execute(
            sql: "UPDATE groupProposal SET consumedAt = ? WHERE id = ? AND consumedAt IS NULL",
            arguments: [date.stored, id])
        guard db.changesCount == 0 else { return }
        guard try GroupProposalRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM groupProposal WHERE id = ?"), arguments: [id]) != nil else {
            throw RosterStoreError.proposalNotFound(id: id)
        }
        throw RosterStoreError.proposalAlreadyUsed(id: id)
    }
}
