import Foundation

/// What a new room should be: `POST /createRoom`.
public struct CreateRoomRequest: Sendable, Equatable {
    public var name: String?
    public var topic: String?
    public var preset: String = "private_chat"
    public var visibility: String = "private"
    public var invite: [String] = []
    public var isDirect: Bool = false
    public var powerLevelOverride: JSONValue?
    /// Extra state events `(type, stateKey, content)`.
    public var initialState: [(type: String, stateKey: String, content: JSONValue)] = []

    public init(name: String? = nil, topic: String? = nil, invite: [String] = [], isDirect: Bool = false) {
        self.name = name
        self.topic = topic
        self.invite = invite
        self.isDirect = isDirect
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.json == rhs.json }

    /// The request body.
    public var json: JSONValue {
        var body: [String: JSONValue] = [
            "preset": .string(preset),
            "visibility": .string(visibility),
            "invite": .array(invite.map { .string($0) }),
            "is_direct": .bool(isDirect),
            "creation_content": ["m.federate": false],
        ]
        if let name { body["name"] = .string(name) }
        if let topic { body["topic"] = .string(topic) }
        if let powerLevelOverride { body["power_level_content_override"] = powerLevelOverride }
        if !initialState.isEmpty {
            body["initial_state"] = .array(initialState.map {
                ["type": .string($0.type), "state_key": .string($0.stateKey), "content": $0.content]
            })
        }
        return .object(body)
    }
}

extension MatrixClient {
    public func createRoom(_ request: CreateRoomRequest) async throws -> String {
        try await createRoom(body: request.json)
    }

    /// Creates a room from a prepared request body; returns its id.
    public func createRoom(body: JSONValue) async throws -> String {
        let answer = try await call("POST", "/_matrix/client/v3/createRoom", json: body, timeout: roomCreationTimeout, as: JSONValue.self)
        guard let roomID = answer["room_id"]?.stringValue else { throw MatrixClientError.invalidResponse("createRoom without room_id") }
        return roomID
    }

    public func invite(roomID: String, userID: String) async throws {
        _ = try await call("POST", "/_matrix/client/v3/rooms/\(Self.encode(roomID))/invite", json: ["user_id": .string(userID)])
    }

    /// Joins a room by id or alias and returns its id.
    @discardableResult
    public func join(_ roomIDOrAlias: String) async throws -> String {
        let answer = try await call("POST", "/_matrix/client/v3/join/\(Self.encode(roomIDOrAlias))", json: [:], as: JSONValue.self)
        return answer["room_id"]?.stringValue ?? roomIDOrAlias
    }

    public func leave(roomID: String) async throws {
        _ = try await call("POST", "/_matrix/client/v3/rooms/\(Self.encode(roomID))/leave", json: [:])
    }

    public func kick(roomID: String, userID: String, reason: String?) async throws {
        var body: [String: JSONValue] = ["user_id": .string(userID)]
        if let reason { body["reason"] = .string(reason) }
        _ = try await call("POST", "/_matrix/client/v3/rooms/\(Self.encode(roomID))/kick", json: .object(body))
    }

    public func joinedRooms() async throws -> [String] {
        let answer = try await call("GET", "/_matrix/client/v3/joined_rooms", as: JSONValue.self)
        return answer["joined_rooms"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Resolves `#alias:server` to a room id.
    public func resolveAlias(_ alias: String) async throws -> String {
        let answer = try await call("GET", "/_matrix/client/v3/directory/room/\(Self.encode(alias))", as: JSONValue.self)
        guard let roomID = answer["room_id"]?.stringValue else { throw MatrixClientError.invalidResponse("alias without room_id") }
        return roomID
    }

    /// Reads one state event's content; nil when the room has none of that type and key.
    public func state(roomID: String, type: String, stateKey: String = "") async throws -> JSONValue? {
        do {
            return try await call("GET", statePath(roomID, type, stateKey), as: JSONValue.self)
        } catch let error as MatrixClientError where error.matrixError?.isNotFound == true {
            return nil
        }
    }

    /// Every current state event of a room, each with its sender (`GET …/state/{type}` gives content only).
    /// An event that does not decode is left out rather than failing the whole list.
    public func roomState(roomID: String) async throws -> [ClientEvent] {
        let answer = try await call("GET", "/_matrix/client/v3/rooms/\(Self.encode(roomID))/state", as: JSONValue.self)
        return (answer.arrayValue ?? []).compactMap { event in
            try? JSONDecoder().decode(ClientEvent.self, from: Data(event.jsonString().utf8))
        }
    }

    @discardableResult
    public func setState(roomID: String, type: String, stateKey: String = "", content: JSONValue) async throws -> String {
        let answer = try await call("PUT", statePath(roomID, type, stateKey), json: content, as: JSONValue.self)
        return answer["event_id"]?.stringValue ?? ""
    }

    private func statePath(_ roomID: String, _ type: String, _ stateKey: String) -> String {
        "/_matrix/client/v3/rooms/\(Self.encode(roomID))/state/\(Self.encode(type))/\(Self.encode(stateKey))"
    }
}
