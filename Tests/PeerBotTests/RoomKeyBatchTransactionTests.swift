import Foundation
import GRDB
import MatrixClient
import MatrixCrypto
@testable import PeerBotStore
import PeerLearning
import Synchronization
import Testing
@testable import PeerBot

/// Counts the transactions the store commits, so a test can see a batch take one.
final class CommitCounter: TransactionObserver, Sendable {
    let commits = Mutex(0)
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { commits.withLock { $0 += 1 } }
    func databaseDidRollback(_ db: Database) {}
}

extension DeviceKeyKeeper {
    /// The one-time keys the account in memory holds.
    var oneTimeKeysHeld: Int { account.storedOneTimeKeyCount }
}

/// One sync's to-device room keys are taken in that batch's own transaction, with its events
/// and its next token: all of them commit together, or none does.
@Suite struct RoomKeyBatchTransaction {
    let receiving = RoomKeyReceiving()
    let room = "!room:hs"
    var database: AppDatabase { receiving.database }
    let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup0:hs"],
                           databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)

    /// `senders` devices, each sharing `perSender` room keys by Olm (pre-key messages, one
    /// one-time key per device), and an encrypted `!help` from the first one.
    func burst(senders: Int, perSender: Int, ed25519: String, curve: String, oneTime: [String])
        throws -> (SyncResponse, [(SharingDevice, MegolmOutboundSession)]) {
        var toDevice: [ToDeviceEvent] = []
        var keys: [(SharingDevice, MegolmOutboundSession)] = []
        for index in 0..<senders {
            let device = SharingDevice(userID: "@sup\(index):hs")
            for _ in 0..<perSender {
                let group = MegolmOutboundSession()
                toDevice.append(try device.event(device.roomKey(group, room: room, botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[index]))
                keys.append((device, group))
            }
        }
        let (supervisor, group) = keys[0]
        let plaintext: ClientJSON = ["type": "m.room.message", "content": ["msgtype": "m.text", "body": "!help"], "room_id": .string(room)]
        let help = ClientEvent(type: "m.room.encrypted", sender: supervisor.userID, eventID: "$help", originServerTS: 2_000_000, content: [
            "algorithm": "m.megolm.v1.aes-sha2", "sender_key": .string(supervisor.account.identityKeys.curve25519),
            "session_id": .string(group.sessionID), "device_id": "ALICEPHONE",
            "ciphertext": .string(group.encrypt(Array(plaintext.jsonString().utf8))),
        ])
        var sync = SyncBuilder.batch("s1", join: [room: [help]])
        sync.encryption.toDevice = toDevice
        return (sync, keys)
    }

    func joinRoom() throws {
        try database.write {
            try $0.rooms.upsert(RoomRecord(roomID: room, kind: .invited, language: nil, groupName: nil, userID: nil,
                                           joinedAt: Date(timeIntervalSince1970: 1_000)))
        }
    }

    func storedKeys(_ keys: [(SharingDevice, MegolmOutboundSession)]) throws -> Int {
        try keys.filter { device, group in
            let (senderKey, sessionID) = (device.account.identityKeys.curve25519, group.sessionID)
            return try database.read { try $0.keys.megolmSession(roomID: room, senderKey: senderKey, sessionID: sessionID) } != nil
        }.count
    }

    @Test func manyRoomKeysCommitWithTheBatchInOneTransactionAndAFailedBatchKeepsNoneOfThem() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        try joinRoom()
        let (sync, keys) = try burst(senders: 5, perSender: 8, ed25519: ed25519, curve: curve, oneTime: oneTime)
        let accountBefore = try database.read { try $0.keys.account()?.pickle }
        let intake = try #require(await bot.intake(before: sync.encryption.toDevice))
        let counter = CommitCounter()
        try await database.writer.write { db in
            db.add(transactionObserver: counter)
            // The process dying before the commit, as the store sees it: the token is not written.
            try db.execute(sql: """
                CREATE TEMP TRIGGER crashBeforeCommit BEFORE INSERT ON syncPosition BEGIN SELECT RAISE(ABORT, 'crash'); END
                """)
        }
        counter.commits.withLock { $0 = 0 }

        #expect(throws: (any Error).self) {
            try BatchIngestor(database: database).ingest(sync, firstSync: false, config: config, keyring: bot.keyring, roomKeys: intake)
        }
        #expect(try storedKeys(keys) == 0)
        #expect(try database.read { try $0.sync.token() } == nil)
        #expect(try database.read { try $0.keys.account()?.pickle } == accountBefore)
        #expect(try database.outbox.pending(limit: 10).isEmpty)

        // The same batch again: the Olm messages open as the first time, since nothing of that
        // try was kept, and every key, the answer and the token commit in one transaction.
        try await database.writer.write { try $0.execute(sql: "DROP TRIGGER crashBeforeCommit") }
        counter.commits.withLock { $0 = 0 }
        let outcome = try BatchIngestor(database: database).ingest(sync, firstSync: false, config: config, keyring: bot.keyring, roomKeys: intake)
        #expect(counter.commits.withLock { $0 } == 1)
        #expect(outcome.roomKeys == RoomKeyIntake.Outcome(stored: 40, newSessions: 5))
        #expect(try storedKeys(keys) == 40)
        #expect(outcome.handled == 1)
        #expect(try database.read { try $0.sync.token() } == "s1")

        // The device reads its account again: the five spent one-time keys stay spent.
        await bot.committed(outcome.roomKeys)
        let stored = try OlmAccount(pickle: #require(try database.read { try $0.keys.account()?.pickle }), key: receiving.pickleKey)
        let before = try OlmAccount(pickle: #require(accountBefore), key: receiving.pickleKey)
        #expect(stored.storedOneTimeKeyCount == before.storedOneTimeKeyCount - 5)
        #expect(await bot.oneTimeKeysHeld == stored.storedOneTimeKeyCount)
    }

    @Test func oneBadToDeviceMessageAmongGoodOnesLeavesTheGoodOnesStored() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        try joinRoom()
        let alice = SharingDevice(userID: "@alice:hs"), mallory = SharingDevice(userID: "@mallory:hs"), carol = SharingDevice(userID: "@carol:hs")
        let (first, second) = (MegolmOutboundSession(), MegolmOutboundSession())
        let good1 = try alice.event(alice.roomKey(first, room: room, botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        // Opens a new Olm session (spending a one-time key), then fails its recipient check.
        let misaddressed = try mallory.event(mallory.roomKey(MegolmOutboundSession(), room: room, recipient: "@other:hs", botEd25519: ed25519),
                                             botCurve: curve, botOneTimeKey: oneTime[1])
        let garbage = ToDeviceEvent(type: "m.room.encrypted", sender: "@x:hs", content: [
            "algorithm": "m.olm.v1.curve25519-aes-sha2", "sender_key": "AAAA", "ciphertext": .object([curve: ["type": 0, "body": "!!"]]),
        ])
        let good2 = try carol.event(carol.roomKey(second, room: room, botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[2])
        var sync = SyncBuilder.batch("s1")
        sync.encryption.toDevice = [good1, misaddressed, garbage, good2]
        let intake = try #require(await bot.intake(before: sync.encryption.toDevice))

        let outcome = try BatchIngestor(database: database).ingest(sync, firstSync: false, config: config, keyring: bot.keyring, roomKeys: intake)
        #expect(outcome.roomKeys == RoomKeyIntake.Outcome(stored: 2, newSessions: 2))
        #expect(try receiving.storedSession(room, alice, first) != nil)
        #expect(try receiving.storedSession(room, carol, second) != nil)
        let malloryKey = mallory.account.identityKeys.curve25519
        #expect(try database.read { try $0.keys.olmSessions(senderKey: malloryKey) }.isEmpty)
        #expect(try database.read { try $0.sync.token() } == "s1")
        // The stored account spent exactly the two good messages' one-time keys.
        await bot.committed(outcome.roomKeys)
        let stored = try OlmAccount(pickle: #require(try database.read { try $0.keys.account()?.pickle }), key: receiving.pickleKey)
        #expect(await bot.oneTimeKeysHeld == stored.storedOneTimeKeyCount)
    }
}
