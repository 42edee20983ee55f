import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning

/// Makes sure the supervisor room exists before the bot answers anything: joins the configured
/// one, or creates it once (a crash between creating and recording adopts the room, never makes two).
struct RoomProvisioner: Sendable {
    let client: MatrixClient
    let database: AppDatabase
    let config: ConfigHolder
    let logger: Logger

    static let markerType = RoomMarker.type
    static let pendingKey = "supervisor_room.creating"
    static let invitedKey = "supervisor_room.invited"

    func prepare() async throws {
        let retrying = Retrying(logger: logger)
        let config = self.config.current
        let me = try await retrying.run("whoami") { try await client.whoami() }
        guard me.userID == config.userID else {
            throw BotStop.misconfigured("user_id is \(config.userID) but the access token belongs to \(me.userID)")
        }
        if let configured = config.supervisorRoom {
            try await joinConfigured(configured, retrying: retrying)
        } else if try database.read({ try $0.rooms.supervisor() }) == nil {
            try await createSupervisorRoom(config, retrying: retrying)
        }
        try inviteNewSupervisors(config)
        try closeEarlierRooms(config)
        // A supervisor list changed while the bot was stopped reaches the rooms now.
        try database.write { try SupervisorChanges.carry(config: config, writer: $0) }
    }

    static let closedKey = "rooms.closed_power_levels"

    /// Group rooms (and a supervisor room the bot made) from before the rooms were closed let
    /// students invite: once, their power levels are set to the closed ones.
    func closeEarlierRooms(_ config: BotConfig) throws {
        try database.write { writer in
            guard try writer.settings.value(Self.closedKey) == nil else { return }
            var rooms = try writer.rooms.all(kind: .group).map(\.roomID)
            if config.supervisorRoom == nil, let supervisorRoom = try writer.rooms.supervisor() { rooms.append(supervisorRoom.roomID) }
            let levels = RoomRequests.closedPowerLevels(supervisors: config.supervisors).jsonString()
            for roomID in rooms {
                try writer.outbox.enqueue(.state(roomID: roomID, eventType: "m.room.power_levels", stateKey: "", contentJSON: levels))
            }
            try writer.settings.set(Self.closedKey, "1")
        }
        try closeEarlierSupervisorRoom(config)
    }

    static let privateSupervisorKey = "rooms.supervisor_private"

    /// A supervisor room the bot made before it forbade guests: once, guests are forbidden and
    /// the join rule set to invite. A room the administrator configured is theirs to set.
    private func closeEarlierSupervisorRoom(_ config: BotConfig) throws {
        try database.write { writer in
            guard try writer.settings.value(Self.privateSupervisorKey) == nil else { return }
            if config.supervisorRoom == nil, let room = try writer.rooms.supervisor() {
                try writer.outbox.enqueue(.state(roomID: room.roomID, eventType: "m.room.guest_access", stateKey: "",
                                                 contentJSON: JSONValue.object(["guest_access": "forbidden"]).jsonString()))
                try writer.outbox.enqueue(.state(roomID: room.roomID, eventType: "m.room.join_rules", stateKey: "",
                                                 contentJSON: JSONValue.object(["join_rule": "invite"]).jsonString()))
            }
            try writer.settings.set(Self.privateSupervisorKey, "1")
        }
    }

    private func joinConfigured(_ reference: String, retrying: Retrying) async throws {
        let resolved = reference.hasPrefix("#")
            ? try await retrying.run("resolve supervisor_room") { try await client.resolveAlias(reference) }
            : reference
        // A configured room that was upgraded since is followed to its replacement.
        let roomID = try database.read { try $0.rooms.current(following: resolved) }
        if try database.read({ try $0.rooms.supervisor()?.roomID }) == roomID { return }
        try await retrying.run("join supervisor_room") { _ = try await client.join(roomID) }
        try database.write { writer in
            if let old = try writer.rooms.supervisor() { try writer.rooms.remove(id: old.roomID) }
            try writer.rooms.upsert(RoomRecord(roomID: roomID, kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
            // A room the administrator made already holds its supervisors.
            try writer.settings.set(Self.invitedKey, JSONValue.array(self.config.current.supervisors.map { .string($0) }).jsonString())
        }
        logger.info("joined the configured supervisor room", metadata: ["room": "\(roomID)"])
    }

    private func createSupervisorRoom(_ config: BotConfig, retrying: Retrying) async throws {
        // A room made before (a crash before it was recorded, or a database started afresh) is adopted.
        if let adopted = try await findMarkedRoom(kind: "supervisor", retrying: retrying) {
            try record(adopted, config: config, fresh: false)
            logger.info("adopted the existing supervisor room", metadata: ["room": "\(adopted)"])
            return
        }
        try database.write { try $0.settings.set(Self.pendingKey, SessionTimeFormat.isoInstant(Date())) }
        var request = CreateRoomRequest(name: config.texts(config.language).supervisorRoomName(),
                                        topic: config.texts(config.language).supervisorRoomTopic(),
                                        invite: config.supervisors)
        // As closed as the group rooms: invite only (the preset), no guests, and only the bot
        // and supervisors change state. Room version 12: the creator's power is implicit.
        request.powerLevelOverride = RoomRequests.closedPowerLevels(supervisors: config.supervisors)
        request.initialState = [(Self.markerType, "", ["kind": "supervisor"]),
                                ("m.room.guest_access", "", ["guest_access": "forbidden"])]
        if config.encryptRooms { request.initialState.append(RoomRequests.encryptionState) }
        let (roomID, fresh) = try await createOnce(request, retrying: retrying)
        try record(roomID, config: config, fresh: fresh)
        logger.info(fresh ? "created the supervisor room" : "adopted the supervisor room an unanswered attempt made", metadata: ["room": "\(roomID)"])
    }

    /// Creates the room, retrying as the policy says; after an attempt that got no answer (a
    /// timeout, a 5xx from a proxy) the room may exist, so it is looked for before trying again.
    private func createOnce(_ request: CreateRoomRequest, retrying: Retrying) async throws -> (roomID: String, fresh: Bool) {
        var attempt = 0
        while true {
            do {
                return (try await client.createRoom(request), true)
            } catch let error as CancellationError {
                throw error
            } catch {
                attempt += 1
                let decision = retrying.policy.decide(error, attempt: attempt, jitter: Double.random(in: 0..<1))
                switch decision {
                case .stop: throw BotStop.tokenRejected((error as? MatrixClientError)?.matrixError?.errcode ?? "M_UNKNOWN_TOKEN")
                case .giveUp: throw error
                case .retry(let delay):
                    logger.warning("creating the supervisor room failed, retrying", metadata: ["attempt": "\(attempt)", "in": "\(delay)", "error": "\(error)"])
                    try await Task.sleep(for: delay)
                    // A refusal (429, 4xx) proves no room was made; anything else may have made one.
                    if (error as? MatrixClientError)?.matrixError.map({ $0.status < 500 }) != true,
                       let made = try await findMarkedRoom(kind: "supervisor", retrying: retrying) {
                        return (made, false)
                    }
                }
            }
        }
    }

    private func record(_ roomID: String, config: BotConfig, fresh: Bool) throws {
        let welcome = config.texts(config.language).supervisorRoomWelcome().content(mentions: config.supervisors)
        let invited = JSONValue.array(config.supervisors.map { .string($0) }).jsonString()
        try database.write { writer in
            try writer.rooms.upsert(RoomRecord(roomID: roomID, kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
            try writer.settings.set(Self.pendingKey, nil)
            try writer.settings.set(Self.invitedKey, invited)
            if fresh {
                try writer.enqueueMessage(welcome, to: roomID)
            }
        }
    }

    /// A joined room carrying the bot's own marker of this kind, if any; a marker someone else
    /// wrote (a student in their own room) is never adopted.
    private func findMarkedRoom(kind: String, retrying: Retrying) async throws -> String? {
        let rooms = try await retrying.run("joined rooms") { try await client.joinedRooms() }
        let botUserID = config.current.userID
        for roomID in rooms where try !database.read({ try $0.rooms.isKnown(roomID) }) {
            let marker = try await retrying.run("room marker") { try await client.trustedMarker(roomID: roomID, botUserID: botUserID) }
            if marker?["kind"]?.stringValue == kind { return roomID }
        }
        return nil
    }

    /// Supervisors added to the configuration since the room was made get an invite.
    func inviteNewSupervisors(_ config: BotConfig) throws {
        try database.write { writer in
            guard let room = try writer.rooms.supervisor() else { return }
            let known = try writer.settings.value(Self.invitedKey).flatMap(JSONValue.parse)?.arrayValue?.compactMap(\.stringValue) ?? []
            let missing = config.supervisors.filter { !known.contains($0) }
            guard !missing.isEmpty else { return }
            for userID in missing { try writer.outbox.enqueue(.invite(roomID: room.roomID, userID: userID)) }
            try writer.settings.set(Self.invitedKey, JSONValue.array((known + missing).map { .string($0) }).jsonString())
        }
    }
}
