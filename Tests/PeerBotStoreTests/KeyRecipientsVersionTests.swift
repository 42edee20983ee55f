import Foundation
import MatrixCrypto
import Testing
@testable import PeerBotStore

/// The number the key share compares moves with every change to who may get a room key, and
/// only with those.
@Suite struct KeyRecipientsVersion {
    let database: AppDatabase

    init() throws {
        database = try AppDatabase.inMemory()
        try database.write { writer in
            try writer.devices.setRoomEncrypted("!r:hs", algorithm: "m.megolm.v1.aes-sha2", rotationPeriodMs: nil, rotationPeriodMsgs: nil, at: fixedDate(1))
            try writer.keys.replaceOutboundSession(roomID: "!r:hs", sessionID: "S1", pickle: "p1", at: fixedDate(1))
        }
    }

    func version() throws -> Int64 { try database.read { try $0.devices.keyRecipientsVersion() } }

    /// Runs `change` and tells whether the version moved.
    func moves(_ change: @Sendable (StoreWriter) throws -> Void) throws -> Bool {
        let before = try version()
        try database.write { try change($0) }
        return try version() != before
    }

    func device(_ id: String, blocked: Bool = false) -> TrackedDevice {
        KnownDevice(userID: "@a:hs", deviceID: id, curve25519: "c-\(id)", ed25519: "e-\(id)", crossSigned: false, blocked: blocked)
    }

    @Test func everyChangeToMembersDevicesTrustOrSharesMovesIt() throws {
        #expect(try moves { try $0.devices.setEncryptedRoomMember("!r:hs", userID: "@a:hs", membership: "join") })
        #expect(try moves { try $0.devices.setEncryptedRoomMember("!r:hs", userID: "@a:hs", membership: "invite") })
        #expect(try moves { try $0.devices.markDeviceListsOutdated(["@a:hs"], at: fixedDate(2)) })
        #expect(try moves { try $0.devices.saveDeviceList(userID: "@a:hs", masterKey: nil, selfSigningKey: nil, devices: [device("D1")], at: fixedDate(2)) })
        #expect(try moves { try $0.devices.saveDeviceList(userID: "@a:hs", masterKey: "m", selfSigningKey: "s", devices: [device("D1", blocked: true)], at: fixedDate(3)) })
        #expect(try moves { try $0.keys.recordShares(sessionID: "S1", devices: [("@a:hs", "D1")]) })
        #expect(try moves { try $0.devices.replaceEncryptedRoomMembers("!r:hs", members: ["@b:hs": "join"]) })
        #expect(try moves { try $0.devices.setEncryptedRoomMember("!r:hs", userID: "@b:hs", membership: "leave") })
        #expect(try moves { try $0.devices.setEncryptedRoomMember("!r:hs", userID: "@c:hs", membership: "join") })
        #expect(try moves { try $0.devices.forgetEncryptedRoomMembers("!r:hs") })
        #expect(try moves { try $0.devices.setRoomEncrypted("!r:hs", algorithm: "m.megolm.v1.aes-sha2", rotationPeriodMs: 60_000, rotationPeriodMsgs: 10, at: fixedDate(4)) })
        #expect(try moves { try $0.keys.discardOutboundSession(roomID: "!r:hs") })
        #expect(try moves { try $0.keys.replaceOutboundSession(roomID: "!r:hs", sessionID: "S2", pickle: "p2", at: fixedDate(5)) })
        #expect(try moves { try $0.devices.untrackUsers(["@a:hs"]) })
    }

    @Test func aMessageEncryptedWithTheSessionLeavesItWhereItWas() throws {
        // Each message moves the session's ratchet on: nobody new may read the room because of it.
        #expect(try !moves { try $0.keys.updateOutboundSession(roomID: "!r:hs", sessionID: "S1", pickle: "p1-next") })
        #expect(try !moves { try $0.keys.enqueueToDevice(txnID: "t1", eventType: "m.room.encrypted", messagesJSON: "{}", at: fixedDate(2)) })
    }
}
