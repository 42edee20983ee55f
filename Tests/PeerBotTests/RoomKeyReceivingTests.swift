import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

/// Another user's device that shares room keys with the bot by Olm, as a client would.
final class SharingDevice {
    let account = OlmAccount()
    let userID: String
    var session: OlmSession?

    init(userID: String) { self.userID = userID }

    /// An `m.room.encrypted` to-device event carrying `plaintext` (a JSON object) for the bot.
    func event(_ plaintext: ClientJSON, botCurve: String, botOneTimeKey: String) throws -> ToDeviceEvent {
        if session == nil { session = try account.createOutboundSession(theirIdentityKey: botCurve, theirOneTimeKey: botOneTimeKey) }
        let message = try session!.encrypt(Array(plaintext.jsonString().utf8))
        let content: ClientJSON = [
            "algorithm": "m.olm.v1.curve25519-aes-sha2",
            "sender_key": .string(account.identityKeys.curve25519),
            "ciphertext": .object([botCurve: ["type": .int(Int64(message.type)), "body": .string(message.body)]]),
        ]
        return ToDeviceEvent(type: "m.room.encrypted", sender: userID, content: content)
    }

    /// The plaintext of an `m.room_key` for `room` and Megolm session `group`.
    func roomKey(_ group: MegolmOutboundSession, room: String, recipient: String = "@bot:hs", botEd25519: String,
                 sender: String? = nil) -> ClientJSON {
        [
            "type": "m.room_key",
            "content": ["algorithm": "m.megolm.v1.aes-sha2", "room_id": .string(room),
                        "session_id": .string(group.sessionID), "session_key": .string(group.sessionKey)],
            "sender": .string(sender ?? userID), "sender_device": "ALICEPHONE",
            "recipient": .string(recipient), "recipient_keys": ["ed25519": .string(botEd25519)],
            "keys": ["ed25519": .string(account.identityKeys.ed25519)],
        ]
    }
}

@Suite struct RoomKeyReceiving {
    let pickleKey = PickleKey.random()
    let database = try! AppDatabase.inMemory()
    let server = KeyServer(device: "BOTDEV")

    /// A started keeper and the bot's public keys, as a sender learns them from the homeserver.
    func startedBot() async throws -> (DeviceKeyKeeper, curve: String, ed25519: String, oneTimeKeys: [String]) {
        let account = OlmAccount()
        let keys = account.identityKeys
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: server.homeserver)
        let keeper = DeviceKeyKeeper(identity: DeviceIdentity(account: account, pickleKey: pickleKey, storedDeviceID: nil),
                                     client: client, database: database, userID: "@bot:hs", logger: Logger(label: "test"))
        try await keeper.start()
        let published = server.uploads.first?.objectValue?["one_time_keys"]?.objectValue?.values.compactMap { $0.objectValue?["key"]?.stringValue } ?? []
        return (keeper, keys.curve25519, keys.ed25519, published)
    }

    func storedSession(_ room: String, _ sender: SharingDevice, _ group: MegolmOutboundSession) throws -> MegolmInboundSession? {
        let senderKey = sender.account.identityKeys.curve25519
        let sessionID = group.sessionID
        guard let row = try database.read({ try $0.keys.megolmSession(roomID: room, senderKey: senderKey, sessionID: sessionID) }) else { return nil }
        #expect(row.senderUserID == sender.userID)
        #expect(row.signingKey == sender.account.identityKeys.ed25519)
        return try MegolmInboundSession(pickle: row.pickle, key: pickleKey)
    }

    @Test func aRoomKeySentByOlmIsStoredAndDecryptsTheRoomsMessages() async throws {
        let (bot, curve, ed25519, oneTime) = try await startedBot()
        let alice = SharingDevice(userID: "@alice:hs")
        let group = MegolmOutboundSession()
        let first = try alice.event(alice.roomKey(group, room: "!r:hs", botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([first]) == 1)
        let inbound = try #require(try storedSession("!r:hs", alice, group))
        let ciphertext = group.encrypt(Array("Hej gruppe".utf8))
        #expect(try inbound.decrypt(ciphertext).plaintext == Array("Hej gruppe".utf8))

        // The next key comes through the same Olm session, also after the bot reloads it from the store.
        let second = MegolmOutboundSession()
        let next = try alice.event(alice.roomKey(second, room: "!r2:hs", botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([next]) == 1)
        let secondStored = try storedSession("!r2:hs", alice, second)
        #expect(secondStored != nil)
        let aliceKey = alice.account.identityKeys.curve25519
        #expect(try database.read { try $0.keys.olmSessions(senderKey: aliceKey) }.count == 1)
    }

    @Test func theUsedOneTimeKeyIsGoneFromTheStoredAccount() async throws {
        let (bot, curve, ed25519, oneTime) = try await startedBot()
        let alice = SharingDevice(userID: "@alice:hs")
        let event = try alice.event(alice.roomKey(MegolmOutboundSession(), room: "!r:hs", botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        #expect(await bot.receive([event]) == 1)
        let stored = try #require(try database.read { try $0.keys.account() })
        let reloaded = try OlmAccount(pickle: stored.pickle, key: pickleKey)
        let message = try OlmMessage(type: 0, body: try #require(event.content["ciphertext"]?[curve]?["body"]?.stringValue))
        guard case .preKey(let preKey) = message else { Issue.record("expected a pre-key message"); return }
        #expect(throws: CryptoError.missingOneTimeKey) { _ = try reloaded.createInboundSession(preKey) }
    }

    @Test func badMessagesAreSkippedAndTheRestOfTheBatchIsStillRead() async throws {
        let (bot, curve, ed25519, oneTime) = try await startedBot()
        let mallory = SharingDevice(userID: "@mallory:hs")
        let alice = SharingDevice(userID: "@alice:hs")
        let carol = SharingDevice(userID: "@carol:hs")
        let good = MegolmOutboundSession()
        // For someone else, claiming another sender, and unreadable: none is believed.
        let misaddressed = try mallory.event(mallory.roomKey(MegolmOutboundSession(), room: "!r:hs", recipient: "@other:hs", botEd25519: ed25519),
                                             botCurve: curve, botOneTimeKey: oneTime[1])
        let spoofed = try carol.event(carol.roomKey(MegolmOutboundSession(), room: "!r:hs", botEd25519: ed25519, sender: "@alice:hs"),
                                      botCurve: curve, botOneTimeKey: oneTime[2])
        let garbage = ToDeviceEvent(type: "m.room.encrypted", sender: "@x:hs", content: [
            "algorithm": "m.olm.v1.curve25519-aes-sha2", "sender_key": "AAAA",
            "ciphertext": .object([curve: ["type": 0, "body": "!!not base64!!"]]),
        ])
        let notForUs = ToDeviceEvent(type: "m.room.encrypted", sender: "@x:hs", content: [
            "algorithm": "m.olm.v1.curve25519-aes-sha2", "sender_key": "AAAA", "ciphertext": ["someoneelse": ["type": 0, "body": "x"]],
        ])
        let real = try alice.event(alice.roomKey(good, room: "!r:hs", botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[3])
        #expect(await bot.receive([misaddressed, spoofed, garbage, notForUs, real]) == 1)
        let stored = try storedSession("!r:hs", alice, good)
        #expect(stored != nil)
        // A replay of the same message stores nothing new and breaks nothing.
        #expect(await bot.receive([real]) == 0)
        let still = try storedSession("!r:hs", alice, good)
        #expect(still?.sessionID == good.sessionID)
    }
}
