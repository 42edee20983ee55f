import MatrixClient

/// The `createRoom` bodies for the rooms the bot makes.
enum RoomRequests {
    /// A private, non-federated group room: supervisors at power 100, students 0. In room
    /// version 12 the creator (the bot) holds its power implicitly and must not be listed.
    static func group(name: String, topic: String, students: [String], config: BotConfig, ref: String) -> JSONValue {
        var request = CreateRoomRequest(name: name, topic: topic, invite: config.supervisors + students)
        var users: [String: JSONValue] = [:]
        for supervisor in config.supervisors { users[supervisor] = .int(100) }
        request.powerLevelOverride = .object(["users": .object(users), "users_default": 0])
        request.initialState = marked(kind: "group", ref: ref, encrypted: config.encryptRooms)
        return request.json
    }

    /// A direct chat with one student (`is_direct`).
    static func direct(userID: String, name: String, ref: String) -> JSONValue {
        var request = CreateRoomRequest(name: name, invite: [userID], isDirect: true)
        request.preset = "trusted_private_chat"
        request.initialState = marked(kind: "direct", ref: ref, encrypted: false)
        return request.json
    }

    private static func marked(kind: String, ref: String, encrypted: Bool) -> [(type: String, stateKey: String, content: JSONValue)] {
        var state: [(type: String, stateKey: String, content: JSONValue)] = [
            (RoomProvisioner.markerType, "", ["kind": .string(kind), "ref": .string(ref)]),
            ("m.room.guest_access", "", ["guest_access": "forbidden"]),
        ]
        if encrypted {
            state.append(("m.room.encryption", "", ["algorithm": "m.megolm.v1.aes-sha2"]))
        }
        return state
    }
}
