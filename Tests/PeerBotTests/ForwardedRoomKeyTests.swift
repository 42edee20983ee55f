import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

/// `m.forwarded_room_key`: taken only for a key the bot waits for, from the device that made it.
@Suite struct ForwardedRoomKeys {
    let receiving = RoomKeyReceiving()
    let room = "!r:hs"

    /// The plaintext of an `m.forwarded_room_key` from `from` for `group`, created by `creatorKey`.
    func forward(_ group: MegolmOutboundSession, from device: SharingDevice, creatorKey: String? = nil, chain: [String] = [],
                 claimed: String? = nil, botEd25519: String) throws -> ClientJSON {
        let exported = try MegolmInboundSession(sessionKey: group.sessionKey).exportKeyAtFirstKnownIndex()
        let chainJSON = ClientJSON.array(chain.map { .string($0) })
        return [
            "type": "m.forwarded_room_key",
            "content": ["algorithm": "m.megolm.v1.aes-sha2", "room_id": .string(room), "session_id": .string(group.sessionID),
                        "session_key": .string(exported),
                        "sender_key": .string(creatorKey ?? device.account.identityKeys.curve25519),
                        "sender_claimed_ed25519_key": .string(claimed ?? device.account.identityKeys.ed25519),
                        "forwarding_curve25519_key_chain": chainJSON],
            "sender": .string(device.userID), "sender_device": "ALICEPHONE",
            "recipient": "@bot:hs", "recipient_keys": ["ed25519": .string(botEd25519)],
            "keys": ["ed25519": .string(device.account.identityKeys.ed25519)],
        ]
    }

    func wait(for group: MegolmOutboundSession, sender: String) throws {
        let (room, sessionID) = (room, group.sessionID)
        try receiving.database.write { writer in
            try writer.undecrypted.keep(PendingEncryptedEvent(eventID: "$waiting", roomID: room, senderUserID: sender, senderKey: nil,
                                                              sessionID: sessionID, deviceID: nil, event: "{}", receivedAt: Date()))
        }
    }

    func stored(_ group: MegolmOutboundSession) throws -> [StoredMegolmSession] {
        let (room, sessionID) = (room, group.sessionID)
        return try receiving.database.read { try $0.undecrypted.megolmSessions(roomID: room, sessionID: sessionID) }
    }

    @Test func theCreatorsAnswerToARequestIsStoredAndOpensTheWaitingMessages() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        let alice = SharingDevice(userID: "@alice:hs")
        let group = MegolmOutboundSession()
        try wait(for: group, sender: alice.userID)
        let event = try alice.event(forward(group, from: alice, botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        let ciphertext = group.encrypt(Array("Hej".utf8))
        #expect(await bot.receive([event]) == 1)
        let key = try #require(try stored(group).first)
        #expect(key.senderKey == alice.account.identityKeys.curve25519)
        #expect(key.senderUserID == alice.userID)
        let inbound = try MegolmInboundSession(pickle: key.pickle, key: receiving.pickleKey)
        #expect(try inbound.decrypt(ciphertext).plaintext == Array("Hej".utf8))
    }

    @Test func aKeyNobodyWaitsForIsNotTaken() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        let alice = SharingDevice(userID: "@alice:hs")
        let group = MegolmOutboundSession()
        let event = try alice.event(forward(group, from: alice, botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([event]) == 0)
        #expect(try stored(group).isEmpty)
    }

    @Test func aKeyPassedOnByAnotherDeviceIsNotTaken() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        let mallory = SharingDevice(userID: "@mallory:hs")
        let group = MegolmOutboundSession()
        try wait(for: group, sender: "@alice:hs")
        let event = try mallory.event(forward(group, from: mallory, creatorKey: "alices-curve-key", botEd25519: ed25519),
                                      botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([event]) == 0)
        #expect(try stored(group).isEmpty)
    }

    @Test func theRulesOneByOne() throws {
        let content: ClientJSON = [
            "algorithm": "m.megolm.v1.aes-sha2", "room_id": "!r:hs", "session_id": "s", "session_key": "k",
            "sender_key": "creator", "sender_claimed_ed25519_key": "creator-ed", "forwarding_curve25519_key_chain": ["middle"],
        ]
        let chained = try #require(ForwardedRoomKey(content))
        #expect(chained.acceptance(olmSenderKey: "creator", olmSenderEd25519: "creator-ed", waitedFor: true) == .forwardedFurther)
        guard case .object(var direct) = content else { return }
        direct["forwarding_curve25519_key_chain"] = []
        let key = try #require(ForwardedRoomKey(.object(direct)))
        #expect(key.acceptance(olmSenderKey: "creator", olmSenderEd25519: "creator-ed", waitedFor: true) == nil)
        #expect(key.acceptance(olmSenderKey: "creator", olmSenderEd25519: "creator-ed", waitedFor: false) == .notRequested)
        #expect(key.acceptance(olmSenderKey: "other", olmSenderEd25519: "creator-ed", waitedFor: true) == .notTheCreator)
        #expect(key.acceptance(olmSenderKey: "creator", olmSenderEd25519: "other-ed", waitedFor: true) == .otherSigningKey)
        direct["sender_key"] = ""
        #expect(ForwardedRoomKey(.object(direct)) == nil)
    }
}
