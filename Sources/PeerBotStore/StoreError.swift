import Foundation

/// What the store refuses to do, with a stable code for logs and replies.
public enum StoreError: Error, Equatable, Sendable {
    /// The database file or its directory could not be created or restricted.
    case fileAccess(path: String, errno: Int32)
    /// No outbox row has this id.
    case outboxItemNotFound(id: Int64)
    /// The outbox row was already sent or given up; it can change no more.
    case outboxItemNotPending(id: Int64, state: OutboxState)
    /// A deployment has one supervisor room, and another room already is it.
    case supervisorRoomExists(existingRoomID: String)
    /// The user already has a direct room with the bot.
    case directRoomExists(userID: String, existingRoomID: String)
    /// The job was already recorded as run; running it again would repeat its messages.
    case jobAlreadyRun(jobKey: String)
    /// A stored row does not describe a valid value (the schema should prevent this).
    case invalidRow(table: String, id: String)

    /// A stable identifier for the kind of failure.
    public var code: String {
        switch self {
        case .fileAccess: "store.file_access"
        case .outboxItemNotFound: "store.outbox_item_not_found"
        case .outboxItemNotPending: "store.outbox_item_not_pending"
        case .supervisorRoomExists: "store.supervisor_room_exists"
        case .directRoomExists: "store.direct_room_exists"
        case .jobAlreadyRun: "store.job_already_run"
        case .invalidRow: "store.invalid_row"
        }
    }
}
