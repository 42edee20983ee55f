import Foundation
import GRDB

/// A student on the roster.
public struct StudentRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "student"

    /// The student's Matrix user id (`@user:server`).
    public var userID: String
    public var name: String
    /// Diversity attributes: each key may hold several values, or none.
    public var attributes: [String: [String]]
    /// Roster order, 1-based: a new student goes last, an updated one keeps their place.
    public var position: Int
    public var addedAt: Date
    public var updatedAt: Date
    /// Set when the student was taken off the roster; their history stays as an archived record.
    public var removedAt: Date?

    public init(
        userID: String, name: String, attributes: [String: [String]], position: Int,
        addedAt: Date, updatedAt: Date, removedAt: Date? = nil
    ) {
        self.userID = userID
        self.name = name
        self.attributes = attributes
        self.position = position
        self.addedAt = addedAt
        self.updatedAt = updatedAt
        self.removedAt = removedAt
    }

    /// The attributes as the JSON object stored in the `attributes` column.
    static func attributesJSON(_ attributes: [String: [String]]) throws -> String {
        let encoder = JSONEncoder()
        // Sorted keys: the same attributes are always stored as the same text.
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(attributes), as: UTF8.self)
    }
}
