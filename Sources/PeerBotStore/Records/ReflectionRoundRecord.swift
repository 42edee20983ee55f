import Foundation
import GRDB

/// Per session: the reflection prompt (thread root), the reminder and the summary, each done once.
public struct ReflectionRoundRecord: Codable, Sendable, Equatable, FetchableRecord, StoredDates {
    public static let databaseTableName = "reflectionRound"

    public var sessionNumber: Int64
    /// The outbox row that posts the prompt in the group room; replies in its thread are
    /// group reflections once its event id is known.
    public var promptOutboxID: Int64?
    /// The prompt's event id once sent, the root of the group's thread; kept after the outbox
    /// row is pruned, so a late reply in the thread still counts.
    public var promptEventID: String?
    public var promptedAt: Date
    /// When reflections start to count as late and the summary is due at the latest.
    public var deadline: Date
    public var remindedAt: Date?
    /// The outbox row that posts the summary to the supervisor room.
    public var summaryOutboxID: Int64?
    /// When the summary was written; the round is open until then.
    public var summarizedAt: Date?

    public init(
        sessionNumber: Int64, promptOutboxID: Int64?, promptEventID: String? = nil, promptedAt: Date, deadline: Date,
        remindedAt: Date? = nil, summaryOutboxID: Int64? = nil, summarizedAt: Date? = nil
    ) {
        self.sessionNumber = sessionNumber
        self.promptOutboxID = promptOutboxID
        self.promptEventID = promptEventID
        self.promptedAt = promptedAt
        self.deadline = deadline
        self.remindedAt = remindedAt
        self.summaryOutboxID = summaryOutboxID
        self.summarizedAt = summarizedAt
    }

    /// By hand, not through `Decodable`, like `RoomRecord`'s.
    public init(row: Row) throws {
        self.init(sessionNumber: try row.decode(forColumn: "sessionNumber"), promptOutboxID: try row.decode(forColumn: "promptOutboxID"),
                  promptEventID: try row.decode(forColumn: "promptEventID"), promptedAt: try row.storedDate("promptedAt"),
                  deadline: try row.storedDate("deadline"), remindedAt: try row.optionalStoredDate("remindedAt"),
                  summaryOutboxID: try row.decode(forColumn: "summaryOutboxID"), summarizedAt: try row.optionalStoredDate("summarizedAt"))
    }

    /// The columns `init(raw:)` reads, in its order.
    static let rawColumns = "sessionNumber, promptOutboxID, promptEventID, promptedAt, deadline, remindedAt, summaryOutboxID, summarizedAt"

    /// A row of `rawColumns`, read by `RawQuery`.
    init(raw row: RawRow) throws {
        self.init(sessionNumber: try row.integer(0), promptOutboxID: try row.optionalInteger(1), promptEventID: try row.optionalText(2),
                  promptedAt: try row.date(3), deadline: try row.date(4), remindedAt: try row.optionalDate(5),
                  summaryOutboxID: try row.optionalInteger(6), summarizedAt: try row.optionalDate(7))
    }

    public var isSummarized: Bool { summarizedAt != nil }
}
