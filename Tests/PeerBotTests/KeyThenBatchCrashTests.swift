import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Room keys taken in a transaction of their own (`BotDevice.receive`, as the benchmark does)
/// before the batch's; a crash between the two loses nothing.
@Suite struct KeyThenBatchCrash {
    let receiving = RoomKeyReceiving()
    let room = "!room:hs"

    @Test func aBatchRepeatedAfterACrashIsStillReadWithTheKeyStoredTheFirstTime() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        let database = receiving.database
        let supervisor = SharingDevice(userID: "@sup:hs")
        let group = MegolmOutboundSession()
        let toDevice = try supervisor.event(supervisor.roomKey(group, room: room, botEd25519: ed25519), botCurve: curve, botOneTimeKey: oneTime[0])
        let plaintext: ClientJSON = ["type": "m.room.message", "content": ["msgtype": "m.text", "body": "!help"], "room_id": .string(room)]
        let help = ClientEvent(type: "m.room.encrypted", sender: supervisor.userID, eventID: "$help", originServerTS: 2_000_000, content: [
            "algorithm": "m.megolm.v1.aes-sha2", "sender_key": .string(supervisor.account.identityKeys.curve25519),
            "session_id": .string(group.sessionID), "device_id": "ALICEPHONE",
            "ciphertext": .string(group.encrypt(Array(plaintext.jsonString().utf8))),
        ])
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: [supervisor.userID],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        try database.write {
            try $0.rooms.upsert(RoomRecord(roomID: room, kind: .invited, language: nil, groupName: nil, userID: nil,
                                           joinedAt: Date(timeIntervalSince1970: 1_000)))
        }

        // First try: the key is stored, then the process dies before the batch commits.
        #expect(await bot.receive([toDevice]) == 1)
        #expect(try database.read { try $0.sync.token() } == nil)

        // After the restart the homeserver sends the same batch again: the Olm message no longer
        // opens (its key was used), which costs nothing, and the event is read with the stored key.
        #expect(await bot.receive([toDevice]) == 0)
        let outcome = try BatchIngestor(database: database).ingest(SyncBuilder.batch("s1", join: [room: [help]]), firstSync: false,
                                                                   config: config, keyring: bot.keyring)
        #expect(outcome.handled == 1)
        let answers = try database.outbox.pending(limit: 10).compactMap { item -> ClientJSON? in
            if case .send(_, _, let json) = item.action { return JSONValue.parse(json) }
            return nil
        }
        #expect(answers.contains { $0["peerbot.kind"] == "help" && $0["m.relates_to"]?["m.in_reply_to"]?["event_id"] == "$help" })
        #expect(try database.read { try $0.sync.token() } == "s1")
    }
}
