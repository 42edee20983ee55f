import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// The bot's device outside the runtime (what the ingest benchmark drives): the same keys, the
/// same room-key intake and the same decryption as `peerbot run`.
@Suite struct BotDeviceOutsideTheRuntime {
    static let room = "!room:hs", sup = "@sup:hs"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("botdevice-\(UUID().uuidString)")
    let database = try! AppDatabase.inMemory()
    let server = KeyServer(device: "BOTDEV")
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func config(withKey: Bool) throws -> BotConfig {
        var config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: [Self.sup],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        guard withKey else { return config }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("pickle_key").path
        FileManager.default.createFile(atPath: path, contents: Data((0..<32).map { _ in UInt8.random(in: 0...255) }))
        config.pickleKeyFile = path
        return config
    }

    var client: MatrixClient { MatrixClient(homeserver: "http://hs", accessToken: "t", transport: server.homeserver) }

    @Test func aRoomKeySentToTheDeviceOpensTheBatchAndTheCommandIsAnswered() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try config(withKey: true)
        let device = try #require(try await BotDevice.start(config: config, database: database, client: client))
        let oneTimeKey = try #require(server.uploads.first?.objectValue?["one_time_keys"]?.objectValue?.values
            .compactMap { $0.objectValue?["key"]?.stringValue }.first)
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .invited, language: nil, groupName: nil, userID: nil,
                                                            joinedAt: start.addingTimeInterval(-3600))) }

        let phone = SharingDevice(userID: Self.sup)
        let sender = MegolmSender(userID: Self.sup, senderKey: phone.account.identityKeys.curve25519)
        let key = try phone.event(phone.roomKey(sender.group, room: Self.room, recipient: "@bot:hs", botEd25519: device.ed25519),
                                  botCurve: device.curve25519, botOneTimeKey: oneTimeKey)
        #expect(await device.receive([key]) == 1)

        let help = sender.text("!help", roomID: Self.room, ts: Int64(start.timeIntervalSince1970 * 1000))
        let outcome = try BatchIngestor(database: database).ingest(SyncBuilder.batch("s1", join: [Self.room: [help]]), firstSync: false,
                                                                   config: config, now: start, keyring: device.keyring)
        #expect(outcome.handled == 1)
        let answers = try database.outbox.pending(limit: 10).compactMap { row -> ClientJSON? in
            if case .send(_, _, let json) = row.action { return JSONValue.parse(json) }
            return nil
        }
        #expect(answers.contains { $0["peerbot.kind"] == "help" && $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == help.eventID })
    }

    @Test func withoutAPickleKeyThereIsNoDevice() async throws {
        #expect(try await BotDevice.start(config: config(withKey: false), database: database, client: client) == nil)
        #expect(server.uploads.isEmpty)
    }
}
