import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// Supervisors added to or removed from the configuration, carried into the rooms: the power
/// levels of the rooms the bot made follow the list, a removed supervisor is taken out of the
/// supervisor and group rooms, a new one is invited to every group room.
struct SupervisorChanges {
    let old: [String]
    let new: [String]

    var added: [String] { new.filter { !old.contains($0) } }
    var removed: [String] { old.filter { !new.contains($0) } }

    /// Queues the changes; returns how many actions went to the outbox.
    @discardableResult
    func apply(config: BotConfig, writer: StoreWriter) throws -> Int {
        guard !added.isEmpty || !removed.isEmpty else { return 0 }
        let groupRooms = try writer.rooms.all(kind: .group).map(\.roomID)
        var rooms = groupRooms
        // A configured supervisor room is the administrator's: its power levels are theirs to set.
        if config.supervisorRoom == nil, let supervisorRoom = try writer.rooms.supervisor() { rooms.append(supervisorRoom.roomID) }
        let levels = RoomRequests.closedPowerLevels(supervisors: new).jsonString()
        var queued = 0
        for roomID in rooms {
            try writer.outbox.enqueue(.state(roomID: roomID, eventType: "m.room.power_levels", stateKey: "", contentJSON: levels))
            queued += 1
        }
        let reason = config.texts(config.language).privacy.supervisorRemovedReason()
        let supervisorRoom = try writer.rooms.supervisor()?.roomID
        for userID in removed {
            for roomID in groupRooms + [supervisorRoom].compactMap({ $0 }) {
                try writer.outbox.enqueue(.kick(roomID: roomID, userID: userID, reason: reason))
                queued += 1
            }
        }
        for userID in added {
            for roomID in groupRooms {
                try writer.outbox.enqueue(.invite(roomID: roomID, userID: userID))
                queued += 1
            }
        }
        try forgetInvites(of: removed, writer: writer)
        return queued
    }

    /// The supervisor list last carried into the rooms, kept in the settings table.
    static let appliedKey = "rooms.supervisors"

    /// Carries the configured supervisors into the rooms, measured against the list last carried
    /// in. That list is kept in the same transaction as the queued actions, so a change made
    /// while the bot was stopped, or a process killed in the middle of a reload, is carried in
    /// at the next start instead of being lost. Returns how many actions were queued.
    @discardableResult
    static func carry(config: BotConfig, writer: StoreWriter) throws -> Int {
        let applied = try writer.settings.value(appliedKey).flatMap(JSONValue.parse)?.arrayValue?.compactMap(\.stringValue)
        guard applied != config.supervisors else { return 0 }
        try writer.settings.set(appliedKey, JSONValue.array(config.supervisors.map { .string($0) }).jsonString())
        // The first start that keeps the list: the rooms were made with the configured one.
        guard let applied else { return 0 }
        return try SupervisorChanges(old: applied, new: config.supervisors).apply(config: config, writer: writer)
    }

    /// A supervisor removed and later added again is invited to the supervisor room again.
    private func forgetInvites(of removed: [String], writer: StoreWriter) throws {
        guard !removed.isEmpty else { return }
        let known = try writer.settings.value(RoomProvisioner.invitedKey).flatMap(JSONValue.parse)?.arrayValue?.compactMap(\.stringValue) ?? []
        let kept = known.filter { !removed.contains($0) }
        try writer.settings.set(RoomProvisioner.invitedKey, JSONValue.array(kept.map { .string($0) }).jsonString())
    }
}
