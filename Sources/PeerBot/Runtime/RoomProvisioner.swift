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

    /// State event that marks rooms the bot made, so an unrecorded one can be found again.
    static let markerType = "org.peerbot.room"
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
        } else if try database.read({ try $0.supervisorRoom() }) == nil {
            try await createSupervisorRoom(config, retrying: retrying)
        }
        try inviteNewSupervisors(config)
    }

    private func joinConfigured(_ reference: String, retrying: Retrying) async throws {
        let roomID = reference.hasPrefix("#")
            ? try await retrying.run("resolve supervisor_room") { try await client.resolveAlias(reference) }
            : reference
        if try database.read({ try $0.supervisorRoom()?.roomID }) == roomID { return }
        try await retrying.run("join supervisor_room") { _ = try await client.join(roomID) }
        try database.write { writer in
            if let old = try writer.supervisorRoom() { try writer.removeRoom(id: old.roomID) }
            try writer.upsertRoom(RoomRecord(roomID: roomID, kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
            // A room the administrator made already holds its supervisors.
            try writer.setSetting(Self.invitedKey, JSONValue.array(self.config.current.supervisors.map { .string($0) }).jsonString())
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
        try database.write { try $0.setSetting(Self.pendingKey, SessionTimeFormat.isoInstant(Date())) }
        var request = CreateRoomRequest(name: Texts.supervisorRoomName(language: config.language),
                                        topic: Texts.supervisorRoomTopic(language: config.language),
                                        invite: config.supervisors)
        // Room version 12: the creator's power is implicit and must not be listed.
        let supervisorPower = Dictionary(config.supervisors.map { ($0, JSONValue.int(100)) }, uniquingKeysWith: { first, _ in first })
        request.powerLevelOverride = .object(["users": .object(supervisorPower)])
        request.initialState = [(Self.markerType, "", ["kind": "supervisor"])]
        let finalRequest = request
        let roomID = try await retrying.run("create supervisor room") { try await client.createRoom(finalRequest) }
        try record(roomID, config: config, fresh: true)
        logger.info("created the supervisor room", metadata: ["room": "\(roomID)"])
    }

    private func record(_ roomID: String, config: BotConfig, fresh: Bool) throws {
        let welcome = Texts.supervisorRoomWelcome(prefix: config.commandPrefix, language: config.language).content(mentions: config.supervisors)
        let invited = JSONValue.array(config.supervisors.map { .string($0) }).jsonString()
        try database.write { writer in
            try writer.upsertRoom(RoomRecord(roomID: roomID, kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
            try writer.setSetting(Self.pendingKey, nil)
            try writer.setSetting(Self.invitedKey, invited)
            if fresh {
                try writer.enqueueMessage(welcome, to: roomID)
            }
        }
    }

    /// A joined room carrying the bot's marker of this kind, if any.
    private func findMarkedRoom(kind: String, retrying: Retrying) async throws -> String? {
        let rooms = try await retrying.run("joined rooms") { try await client.joinedRooms() }
        for roomID in rooms {
            let marker = try await retrying.run("room marker") { try await client.state(roomID: roomID, type: Self.markerType) }
            if marker?["kind"]?.stringValue == kind { return roomID }
        }
        return nil
    }

    /// Supervisors added to the configuration since the room was made get an invite.
    func inviteNewSupervisors(_ config: BotConfig) throws {
        try database.write { writer in
            guard let room = try writer.supervisorRoom() else { return }
            let known = try writer.setting(Self.invitedKey).flatMap(JSONValue.parse)?.arrayValue?.compactMap(\.stringValue) ?? []
            let missing = config.supervisors.filter { !known.contains($0) }
            guard !missing.isEmpty else { return }
            for userID in missing { try writer.enqueue(.invite(roomID: room.roomID, userID: userID)) }
            try writer.setSetting(Self.invitedKey, JSONValue.array((known + missing).map { .string($0) }).jsonString())
        }
    }
}
