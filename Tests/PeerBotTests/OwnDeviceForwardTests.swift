import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

/// `m.forwarded_room_key` from another device of the bot's own user: taken for a key the bot
/// waits for when that device is cross-signed by the bot's own self-signing key.
@Suite struct OwnDeviceForwards {
    let receiving = RoomKeyReceiving()
    let forwards = ForwardedRoomKeys()
    let room = "!r:hs"
    let crossSigning = CrossSigningKeys()
    /// The bot's other device (a client its operator logged in as the bot).
    let laptop = SharingDevice(userID: "@bot:hs")
    let alice = SharingDevice(userID: "@alice:hs")

    /// The bot's cross-signing keys as `peerbot login --config` stores them, and the homeserver's
    /// answer for the bot's own devices: the laptop, signed with `signer` (nil: not cross-signed).
    func publishOwnDevices(signer: CrossSigningKeys?, storedMaster: CrossSigningKeys? = nil) throws {
        let master = (storedMaster ?? crossSigning).masterPublicKey
        try receiving.database.write { try $0.devices.saveCrossSigningKeys(masterKey: master, pickle: "sealed", at: Date()) }
        let published = signer ?? crossSigning
        var device = try DeviceKeyDocuments.deviceKeys(laptop.account, userID: "@bot:hs", deviceID: "BOTLAPTOP")
        if let signer { device = try signer.signDevice(device, userID: "@bot:hs") }
        let masterKey = published.masterPublicKey
        let masterObject: ClientJSON = ["user_id": "@bot:hs", "usage": ["master"], "keys": .object(["ed25519:\(masterKey)": .string(masterKey)])]
        let answer: ClientJSON = [
            "device_keys": ["@bot:hs": ["BOTLAPTOP": try DeviceKeyKeeper.client(.object(device))]],
            "master_keys": ["@bot:hs": masterObject],
            "self_signing_keys": ["@bot:hs": try DeviceKeyKeeper.client(.object(try published.selfSigningKeyObject(userID: "@bot:hs")))],
            "failures": [:],
        ]
        let body = answer.jsonString()
        receiving.server.homeserver.on("POST /_matrix/client/v3/keys/query", body)
    }

    /// The laptop's forward of Alice's room key `group`, which the laptop got from Alice.
    func laptopForward(_ group: MegolmOutboundSession, ed25519: String) throws -> ClientJSON {
        try forwards.forward(group, from: laptop, creatorKey: alice.account.identityKeys.curve25519,
                             chain: [alice.account.identityKeys.curve25519], claimed: alice.account.identityKeys.ed25519, botEd25519: ed25519)
    }

    func keep(_ group: MegolmOutboundSession) throws {
        let (room, sessionID) = (room, group.sessionID)
        try receiving.database.write { writer in
            try writer.undecrypted.keep(PendingEncryptedEvent(eventID: "$waiting", roomID: room, senderUserID: "@alice:hs", senderKey: nil,
                                                              sessionID: sessionID, deviceID: nil, event: "{}", receivedAt: Date()))
        }
    }

    func stored(_ group: MegolmOutboundSession) throws -> [StoredMegolmSession] {
        let (room, sessionID) = (room, group.sessionID)
        return try receiving.database.read { try $0.undecrypted.megolmSessions(roomID: room, sessionID: sessionID) }
    }

    @Test func aVerifiedOwnDevicesForwardIsTakenAndOpensAlicesMessages() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        try publishOwnDevices(signer: crossSigning)
        let group = MegolmOutboundSession()
        try keep(group)
        let event = try laptop.event(laptopForward(group, ed25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        let ciphertext = group.encrypt(Array("Hej".utf8))
        #expect(await bot.receive([event]) == 1)
        #expect(receiving.server.homeserver.requests.contains { $0.url.hasSuffix("/keys/query") }, "the new own device was looked up")
        let key = try #require(try stored(group).first)
        #expect(key.senderKey == alice.account.identityKeys.curve25519)
        #expect(key.senderUserID == "@alice:hs", "the key opens the messages of the one who wrote them")
        let inbound = try MegolmInboundSession(pickle: key.pickle, key: receiving.pickleKey)
        #expect(try inbound.decrypt(ciphertext).plaintext == Array("Hej".utf8))
    }

    @Test func anOwnDeviceThatIsNotCrossSignedIsRefused() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        try publishOwnDevices(signer: nil)
        let group = MegolmOutboundSession()
        try keep(group)
        let event = try laptop.event(laptopForward(group, ed25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([event]) == 0)
        #expect(try stored(group).isEmpty)
    }

    @Test func crossSigningKeysOtherThanTheBotsOwnAreRefused() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        // Someone with the bot's password published their own cross-signing keys for it.
        try publishOwnDevices(signer: CrossSigningKeys(), storedMaster: crossSigning)
        let group = MegolmOutboundSession()
        try keep(group)
        let event = try laptop.event(laptopForward(group, ed25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([event]) == 0)
        #expect(try stored(group).isEmpty)
    }

    @Test func aVerifiedOwnDevicesKeyNobodyWaitsForIsNotTaken() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        try publishOwnDevices(signer: crossSigning)
        let group = MegolmOutboundSession()
        let event = try laptop.event(laptopForward(group, ed25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([event]) == 0)
        #expect(try stored(group).isEmpty)
    }

    @Test func theOwnDeviceRuleOneByOne() {
        let laptop = KnownDevice(userID: "@bot:hs", deviceID: "BOTLAPTOP", curve25519: "c", ed25519: "e", crossSigned: true, blocked: false)
        let verify = { (devices: [KnownDevice], listed: String?, own: String?) in
            DeviceTrust.isVerifiedOwnDevice(curve25519: "c", ed25519: "e", among: devices, listedMaster: listed, listedSelfSigning: "s",
                                            ownMaster: own, ownDeviceID: "BOTDEV")
        }
        #expect(verify([laptop], "m", "m"))
        #expect(!verify([laptop], "m", nil), "without its own cross-signing keys the bot believes no other device")
        #expect(!verify([laptop], "other", "m"))
        let unsigned = KnownDevice(userID: "@bot:hs", deviceID: "BOTLAPTOP", curve25519: "c", ed25519: "e", crossSigned: false, blocked: false)
        let blocked = KnownDevice(userID: "@bot:hs", deviceID: "BOTLAPTOP", curve25519: "c", ed25519: "e", crossSigned: true, blocked: true)
        let itself = KnownDevice(userID: "@bot:hs", deviceID: "BOTDEV", curve25519: "c", ed25519: "e", crossSigned: true, blocked: false)
        #expect(!verify([unsigned], "m", "m"))
        #expect(!verify([blocked], "m", "m"))
        #expect(!verify([itself], "m", "m"))
        #expect(!verify([], "m", "m"))
    }
}
