import Foundation

/// One student's result in one closed peer-assessment round.
public struct ExportAssessment: Sendable, Equatable, Codable {
    public var round: Int
    public var group: String
    public var completedAt: Date
    public var userID: String
    public var name: String
    /// The WebPA score with two decimals; nil when nobody submitted.
    public var score: String?
    public var flags: [String]
    /// The peers' mean per criterion, in criterion order.
    public var peerMeans: [Double]

    public init(round: Int, group: String, completedAt: Date, userID: String, name: String, score: String?, flags: [String], peerMeans: [Double]) {
        self.round = round
        self.group = group
        self.completedAt = completedAt
        self.userID = userID
        self.name = name
        self.score = score
        self.flags = flags
        self.peerMeans = peerMeans
    }

    enum CodingKeys: String, CodingKey {
        case round, group, name, score, flags
        case completedAt = "completed_at", userID = "user_id", peerMeans = "peer_means"
    }
}

extension ExportTables {
    public static func assessments(_ records: [ExportAssessment]) -> (header: [String], rows: [[String]]) {
        let criteria = AssessmentCriterion.allCases.map { "peer_mean_\($0.rawValue + 1)" }
        return (["round", "group", "completed_at", "user_id", "name", "webpa_score", "flags"] + criteria,
                records.map { record in
                    [String(record.round), record.group, timestamp(record.completedAt), record.userID, record.name,
                     record.score ?? "", record.flags.joined(separator: ";")]
                        + AssessmentCriterion.allCases.map { record.peerMeans.indices.contains($0.rawValue) ? String(format: "%.2f", record.peerMeans[$0.rawValue]) : "" }
                })
    }
}
