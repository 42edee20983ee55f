import Foundation
import GRDB

/// A proposal of `!groups plan`, kept until `!groups create` uses it.
public struct GroupProposalRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "groupProposal"

    public var id: Int64
    /// The proposed groups, as the planner wrote them.
    public var proposalJSON: String
    /// The supervisor who asked for it.
    public var createdBy: String
    public var createdAt: Date
    /// When `!groups create` used it; a used proposal is not used again.
    public var consumedAt: Date?

    public init(id: Int64, proposalJSON: String, createdBy: String, createdAt: Date, consumedAt: Date? = nil) {
        self.id = id
        self.proposalJSON = proposalJSON
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.consumedAt = consumedAt
    }
}
