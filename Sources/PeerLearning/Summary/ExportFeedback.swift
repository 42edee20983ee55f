import Foundation

/// One piece of supervisor feedback, to a student or to a whole group.
public struct ExportFeedback: Sendable, Equatable, Codable {
    public var group: String?
    /// The student it was for; nil for feedback to the group.
    public var userID: String?
    public var text: String
    public var from: String
    public var createdAt: Date

    public init(group: String?, userID: String?, text: String, from: String, createdAt: Date) {
        self.group = group
        self.userID = userID
        self.text = text
        self.from = from
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case group, text, from
        case userID = "user_id", createdAt = "created_at"
    }
}

extension ExportTables {
    public static func feedback(_ records: [ExportFeedback]) -> (header: [String], rows: [[String]]) {
        (["group", "user_id", "from", "text", "created_at"],
         records.map { [$0.group ?? "", $0.userID ?? "group", $0.from, $0.text, timestamp($0.createdAt)] })
    }
}
