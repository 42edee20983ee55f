import Foundation
import GRDB

/// One outbox row, with the action spread over columns so the schema can check each kind.
struct OutboxRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "outbox"

    enum Kind: String, Codable {
        case send, state, redact, join, leave, invite, kick, create, file
    }

    var id: Int64
    var txnID: String
    var kind: Kind
    var roomID: String
    var eventType: String?
    var stateKey: String?
    var contentJSON: String?
    var targetEventID: String?
    var targetUserID: String?
    var reason: String?
    var state: OutboxState
    var attempts: Int
    var lastError: String?
    var eventID: String?
    var createdAt: Date
    var finishedAt: Date?
    var priority: OutboxPriority = .normal
    var nextAttemptAt: Date?
    var creationUncertain = false

    init(id: Int64, txnID: String, action: OutboxAction, createdAt: Date) {
        self.id = id
        self.txnID = txnID
        self.roomID = action.roomID
        self.state = .pending
        self.attempts = 0
        self.createdAt = createdAt
        switch action {
        case .send(_, let eventType, let contentJSON):
            kind = .send
            self.eventType = eventType
            self.contentJSON = contentJSON
        case .state(_, let eventType, let stateKey, let contentJSON):
            kind = .state
            self.eventType = eventType
            self.stateKey = stateKey
            self.contentJSON = contentJSON
        case .redact(_, let eventID, let reason):
            kind = .redact
            targetEventID = eventID
            self.reason = reason
        case .join:
            kind = .join
        case .leave:
            kind = .leave
        case .invite(_, let userID):
            kind = .invite
            targetUserID = userID
        case .kick(_, let userID, let reason):
            kind = .kick
            targetUserID = userID
            self.reason = reason
        case .sendFile(_, let fileJSON):
            kind = .file
            contentJSON = fileJSON
        case .createRoom(_, let requestJSON):
            kind = .create
            contentJSON = requestJSON
        }
    }

    func action() throws -> OutboxAction {
        switch kind {
        case .send:
            if let eventType, let contentJSON {
                return .send(roomID: roomID, eventType: eventType, contentJSON: contentJSON)
            }
        case .state:
            if let eventType, let stateKey, let contentJSON {
                return .state(roomID: roomID, eventType: eventType, stateKey: stateKey, contentJSON: contentJSON)
            }
        case .redact:
            if let targetEventID {
                return .redact(roomID: roomID, eventID: targetEventID, reason: reason)
            }
        case .join:
            return .join(roomID: roomID)
        case .leave:
            return .leave(roomID: roomID)
        case .invite:
            if let targetUserID {
                return .invite(roomID: roomID, userID: targetUserID)
            }
        case .kick:
            if let targetUserID {
                return .kick(roomID: roomID, userID: targetUserID, reason: reason)
            }
        case .file:
            if let contentJSON {
                return .sendFile(roomID: roomID, fileJSON: contentJSON)
            }
        case .create:
            if let contentJSON {
                return .createRoom(ref: roomID, requestJSON: contentJSON)
            }
        }
        throw StoreError.invalidRow(table: Self.databaseTableName, id: String(id))
    }

    func item() throws -> OutboxItem {
        OutboxItem(
            id: id, txnID: txnID, action: try action(), state: state, attempts: attempts,
            lastError: lastError, eventID: eventID, createdAt: createdAt, priority: priority,
            nextAttemptAt: nextAttemptAt, creationUncertain: creationUncertain)
    }
}
