import MatrixClient

/// The `createRoom` bodies for the rooms the bot makes.
enum RoomRequests {
    /// A private, non-federated group room: supervisors at power 100, students 0; only
    /// supervisors invite, kick and change state, so nobody else can let an outsider read it.
    /// In room version 12 the creator (the bot) holds its power implicitly and must not be listed.
    static func group(name: String, topic: String, students: [String], config: BotConfig, ref: String) -> JSONValue {
        var request = CreateRoomRequest(name: name, topic: topic, invite: config.supervisors + students)
        request.powerLevelOverride = closedPowerLevels(supervisors: config.supervisors)
        request.initialState = marked(kind: "group", ref: ref, encrypted: config.encryptRooms)
        return request.json
    }

    /// A direct chat with one student (`is_direct`). `private_chat`, not `trusted_private_chat`:
    /// the latter makes the student a co-creator with unlimited power in room version 12.
    /// The student may write and react, never change state, invite, kick or redact others.
    static func direct(userID: String, name: String, ref: String, encrypted: Bool = false) -> JSONValue {
        var request = CreateRoomRequest(name: name, invite: [userID], isDirect: true)
        request.preset = "private_chat"
        request.powerLevelOverride = closedPowerLevels(supervisors: [])
        request.initialState = marked(kind: "direct", ref: ref, encrypted: encrypted)
        return request.json
    }

    /// Power levels where everyone but the bot and the listed supervisors may only send messages.
    static func closedPowerLevels(supervisors: [String]) -> JSONValue {
        let users = Dictionary(supervisors.map { ($0, JSONValue.int(100)) }, uniquingKeysWith: { first, _ in first })
        let guarded = ["m.room.name", "m.room.topic", "m.room.avatar", "m.room.power_levels", "m.room.history_visibility",
                       "m.room.join_rules", "m.room.canonical_alias", "m.room.encryption", "m.room.server_acl",
                       "m.room.pinned_events", RoomProvisioner.markerType]
        var events = Dictionary(guarded.map { ($0, JSONValue.int(100)) }, uniquingKeysWith: { first, _ in first })
        // Room version 12 asks more than 100 for a tombstone: only a creator may replace the room.
        events["m.room.tombstone"] = .int(150)
        return .object([
            "users": .object(users), "users_default": 0, "events_default": 0, "state_default": 100,
            "invite": 100, "kick": 100, "ban": 100, "redact": 100, "events": .object(events),
        ])
    }

    /// The `m.room.encryption` state event that makes a new room encrypted (Megolm).
    static let encryptionState: (type: String, stateKey: String, content: JSONValue) =
        ("m.room.encryption", "", ["algorithm": "m.megolm.v1.aes-sha2"])

    private static func marked(kind: String, ref: String, encrypted: Bool) -> [(type: String, stateKey: String, content: JSONValue)] {
        var state: [(type: String, stateKey: String, content: JSONValue)] = [
            (RoomProvisioner.markerType, "", ["kind": .string(kind), "ref": .string(ref)]),
            ("m.room.guest_access", "", ["guest_access": "forbidden"]),
        ]
        if encrypted {
            state.append(encryptionState)
        }
        return state
    }
}
