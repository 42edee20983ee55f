import Foundation
import PeerBotStore

/// A room the bot will create through the outbox, named before it exists.
enum RoomRef: Equatable, Sendable {
    case group(Int64)
    case direct(String)

    var string: String {
        switch self {
        case .group(let id): OutboxAction.roomRef("group:\(id)")
        case .direct(let userID): OutboxAction.roomRef("direct:\(userID)")
        }
    }

    init?(_ text: String) {
        guard text.hasPrefix("ref:") else { return nil }
        let body = text.dropFirst(4)
        if body.hasPrefix("group:"), let id = Int64(body.dropFirst(6)) {
            self = .group(id)
        } else if body.hasPrefix("direct:") {
            self = .direct(String(body.dropFirst(7)))
        } else {
            return nil
        }
    }
}

/// Records a newly created room where the bot looks rooms up.
enum RoomRefs {
    @discardableResult
    static func register(ref: String, roomID: String, writer: StoreWriter, now: Date = Date()) throws -> RoomRef? {
        guard let parsed = RoomRef(ref) else { return nil }
        switch parsed {
        case .group(let groupID):
            guard let group = try writer.groups.find(id: groupID) else { return parsed }
            try writer.groups.setRoom(groupID: groupID, roomID: roomID)
            try writer.rooms.upsert(RoomRecord(roomID: roomID, kind: .group, language: nil, groupName: group.name, userID: nil, joinedAt: now))
        case .direct(let userID):
            if try writer.rooms.direct(userID: userID) == nil {
                try writer.rooms.upsert(RoomRecord(roomID: roomID, kind: .direct, language: nil, groupName: nil, userID: userID, joinedAt: now))
            }
        }
        return parsed
    }

    /// The room to post to for a student's direct chat: the existing one, or a reference to one
    /// that is created first (the creation is queued here, once).
    static func directRoom(for userID: String, writer: StoreWriter, request: () -> String) throws -> String {
        if let existing = try writer.rooms.direct(userID: userID) { return existing.roomID }
        let ref = RoomRef.direct(userID).string
        if let made = try writer.rooms.roomID(forRef: ref) { return made }
        if try !writer.outbox.isCreationQueued(ref: ref) {
            try writer.outbox.enqueue(.createRoom(ref: ref, requestJSON: request()))
        }
        return ref
    }
}
