import Foundation
import MatrixClient
import PeerBotStore

/// A createRoom call that got no answer: the retry waits until `settled`, when a room the
/// homeserver was still making is there to be found.
struct UnansweredCreation: Error, CustomStringConvertible {
    let underlying: any Error
    let settled: Date
    var description: String { "no answer to createRoom: \(underlying)" }
}

/// An action names a room the bot was to create, but that room was never made.
struct UnresolvedRoomRef: Error, CustomStringConvertible {
    let ref: String
    var description: String { "no room was created for \(ref)" }
}

extension OutboxSender {
    /// The action with a `ref:` room replaced by the room created for it.
    func resolved(_ action: OutboxAction) throws -> OutboxAction {
        let roomID = action.roomID
        guard roomID.hasPrefix("ref:") else { return action }
        if case .createRoom = action { return action }
        guard let real = try database.read({ try $0.rooms.roomID(forRef: roomID) }) else { throw UnresolvedRoomRef(ref: roomID) }
        switch action {
        case .send(_, let type, let json): return .send(roomID: real, eventType: type, contentJSON: json)
        case .state(_, let type, let key, let json): return .state(roomID: real, eventType: type, stateKey: key, contentJSON: json)
        case .redact(_, let eventID, let reason): return .redact(roomID: real, eventID: eventID, reason: reason)
        case .join: return .join(roomID: real)
        case .leave: return .leave(roomID: real)
        case .invite(_, let userID): return .invite(roomID: real, userID: userID)
        case .kick(_, let userID, let reason): return .kick(roomID: real, userID: userID, reason: reason)
        case .sendFile(_, let json): return .sendFile(roomID: real, fileJSON: json)
        case .createRoom: return action
        }
    }

    /// Creates a room once: an earlier attempt that may have reached the homeserver (no answer
    /// came) is looked for by the marker every created room carries, before trying again. A
    /// refusal (429, 4xx) proves no room was made, so it clears the doubt and costs no search.
    func createRoom(ref: String, body: JSONValue, item: OutboxItem) async throws -> String {
        // An earlier run made and recorded the room, then died before the row was marked sent:
        // the room is finished (its `m.direct` entry may be missing), never made again.
        if let recorded = try database.read({ try $0.rooms.roomID(forRef: ref) }) {
            if case .direct(let userID) = RoomRef(ref) { try await rememberDirectRoom(recorded, with: userID) }
            logger.info("a room made before a restart was already recorded", metadata: ["ref": "\(ref)", "room": "\(recorded)"])
            return recorded
        }
        var roomID: String?
        if item.creationUncertain {
            roomID = try await findRoom(markedWith: ref)
        }
        if roomID == nil {
            // Recorded before the call, so that a crash or timeout during it is known afterwards.
            // After a crash the row waits out the call's timeout: a homeserver keeps making a
            // room whose caller died, and a search before it is done would make a second one.
            let settled = now().addingTimeInterval(TimeInterval(client.roomCreationTimeout.components.seconds) + 5)
            try database.outbox.setCreationUncertain(id: item.id, true, holdUntil: settled)
            do {
                roomID = try await client.createRoom(body: body)
            } catch let error as MatrixClientError where error.matrixError.map({ $0.status < 500 }) == true {
                try database.outbox.setCreationUncertain(id: item.id, false)
                throw error
            } catch let error as CancellationError {
                throw error
            } catch {
                // No answer: the homeserver may still be making the room. The next attempt looks
                // for it only once any call the homeserver still works on has timed out.
                throw UnansweredCreation(underlying: error, settled: settled)
            }
        }
        guard let roomID else { throw UnresolvedRoomRef(ref: ref) }
        let registered = try database.write { writer in
            try writer.rooms.setRef(ref, roomID: roomID)
            try Self.noteEncryption(ofCreated: roomID, request: body, writer: writer)
            return try RoomRefs.register(ref: ref, roomID: roomID, writer: writer)
        }
        if case .direct(let userID) = registered {
            try await rememberDirectRoom(roomID, with: userID)
        }
        if case .group(let groupID) = registered { await noteEarlyJoins(groupID: groupID, roomID: roomID) }
        logger.info("created a room", metadata: ["ref": "\(ref)", "room": "\(roomID)"])
        return roomID
    }

    /// A room the bot made for this ref and never recorded. Rooms already recorded for something
    /// else and markers the bot did not send are passed over: adopting one would break the
    /// one-room-per-ref rule and stall the outbox, or hand a forger another student's room.
    private func findRoom(markedWith ref: String) async throws -> String? {
        for roomID in try await client.joinedRooms() where try !database.read({ try $0.rooms.isKnown(roomID) }) {
            let marker = try await client.trustedMarker(roomID: roomID, botUserID: botUserID)
            if marker?["ref"]?.stringValue == ref { return roomID }
        }
        return nil
    }

    /// Adds the room to the bot's `m.direct` account data, as clients expect for a direct chat.
    /// Rooms made at the same time go in one update (see `DirectRoomBook`).
    private func rememberDirectRoom(_ roomID: String, with userID: String) async throws {
        let (client, botUserID) = (self.client, self.botUserID)
        try await directRooms.remember(roomID, with: userID) { additions in
            var map = try await client.accountData(userID: botUserID, type: "m.direct")?.objectValue ?? [:]
            var changed = false
            for (userID, roomID) in additions {
                var rooms = map[userID]?.arrayValue ?? []
                guard !rooms.contains(.string(roomID)) else { continue }
                rooms.append(.string(roomID))
                map[userID] = .array(rooms)
                changed = true
            }
            guard changed else { return }
            try await client.setAccountData(userID: botUserID, type: "m.direct", content: .object(map))
        }
    }
}

/// Content names an earlier outbox row whose message the homeserver refused, so it has no event id.
struct UnresolvedEventRef: Error, CustomStringConvertible {
    let ref: String
    var description: String { "\(ref) was never sent" }
}

extension OutboxSender {
    /// Replaces every `$outbox:<id>` string in content with the event id that row was given.
    func withEventIDs(_ content: JSONValue) throws -> JSONValue {
        switch content {
        case .string(let text) where text.hasPrefix("$outbox:"):
            guard let id = Int64(text.dropFirst(8)),
                  let eventID = try database.read({ try $0.outbox.item(id: id) })?.eventID else { throw UnresolvedEventRef(ref: text) }
            return .string(eventID)
        case .array(let items):
            return .array(try items.map(withEventIDs))
        case .object(let fields):
            return .object(try fields.mapValues(withEventIDs))
        default:
            return content
        }
    }
}
