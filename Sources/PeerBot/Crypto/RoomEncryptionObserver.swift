import Foundation
import MatrixClient
import PeerBotStore

/// What one `/sync` says about encryption: rooms that are (or became) encrypted, membership
/// changes, and users whose device lists changed. Read before the batch's outbox rows can be
/// sent, so the bot never sends plaintext into a room it has just learned is encrypted.
struct RoomEncryptionFacts: Equatable, Sendable {
    struct Encryption: Equatable, Sendable {
        let roomID: String
        let algorithm: String
        let rotationPeriodMs: Int64?
        let rotationPeriodMsgs: Int64?
    }

    struct Membership: Equatable, Sendable {
        let roomID: String
        let userID: String
        let membership: String
    }

    var encryption: [Encryption] = []
    /// In the order they happened, state before timeline.
    var memberships: [Membership] = []
    /// Rooms the bot itself left or was removed from.
    var roomsLeft: [String] = []
    /// Rooms whose timeline came back cut: a membership change may be missing, so the member
    /// list is read whole again before the next message.
    var membersStale: [String] = []
    var devicesChanged: [String] = []
    var devicesLeft: [String] = []

    /// Reads the facts from a sync answer and the events paged back into its cut timelines.
    static func read(_ sync: SyncResponse, backfill: [String: [ClientEvent]] = [:]) -> RoomEncryptionFacts {
        var facts = RoomEncryptionFacts()
        for roomID in sync.rooms.join.keys.sorted() {
            guard let joined = sync.rooms.join[roomID] else { continue }
            if joined.timeline.limited { facts.membersStale.append(roomID) }
            for event in joined.state + (backfill[roomID] ?? []) + joined.timeline.events {
                facts.note(event, in: roomID)
            }
        }
        facts.roomsLeft = sync.rooms.leave.keys.sorted()
        facts.devicesChanged = sync.encryption.deviceLists.changed
        facts.devicesLeft = sync.encryption.deviceLists.left
        return facts
    }

    private mutating func note(_ event: ClientEvent, in roomID: String) {
        switch event.type {
        case "m.room.encryption" where event.stateKey == "":
            // A redacted or odd event names no algorithm: it cannot make the room plain again.
            guard let settings = event.encryptionSettings else { return }
            encryption.append(Encryption(roomID: roomID, algorithm: settings.algorithm,
                                         rotationPeriodMs: settings.rotationPeriodMs, rotationPeriodMsgs: settings.rotationPeriodMsgs))
        case "m.room.member":
            guard let userID = event.stateKey, let membership = event.membership else { return }
            memberships.append(Membership(roomID: roomID, userID: userID, membership: membership.rawValue))
        default:
            return
        }
    }

    var isEmpty: Bool {
        encryption.isEmpty && memberships.isEmpty && roomsLeft.isEmpty && membersStale.isEmpty && devicesChanged.isEmpty
            && devicesLeft.isEmpty
    }

    /// Stores the facts in one transaction: encryption first, so the memberships of a room that
    /// became encrypted in this batch count. A member who leaves an encrypted room ends its
    /// outbound session (the next message gets a key they do not have); a new member's devices
    /// are queried before the next message.
    func apply(botUserID: String, writer: StoreWriter, at date: Date) throws {
        for room in encryption {
            try writer.devices.setRoomEncrypted(room.roomID, algorithm: room.algorithm, rotationPeriodMs: room.rotationPeriodMs,
                                                rotationPeriodMsgs: room.rotationPeriodMsgs, at: date)
        }
        for change in memberships {
            if change.userID == botUserID {
                if change.membership == "leave" || change.membership == "ban" { try writer.devices.forgetEncryptedRoomMembers(change.roomID) }
                continue
            }
            let removed = try writer.devices.setEncryptedRoomMember(change.roomID, userID: change.userID, membership: change.membership)
            if removed { try writer.keys.discardOutboundSession(roomID: change.roomID) }
            if change.membership == "join" || change.membership == "invite",
               try writer.devices.roomEncryption(change.roomID)?.isEncrypted == true, try writer.devices.trackedUser(change.userID) == nil {
                try writer.devices.markDeviceListsOutdated([change.userID], at: date)
            }
        }
        for roomID in roomsLeft + membersStale { try writer.devices.forgetEncryptedRoomMembers(roomID) }
        try writer.devices.markDeviceListsOutdated(devicesChanged.filter { $0 != botUserID }, at: date)
        try writer.devices.untrackUsers(devicesLeft)
    }
}
