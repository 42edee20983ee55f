import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A /sync batch delivered again (the token was not stored, or the server repeats itself): the
/// events routed already are neither decrypted nor answered again, and replays stay refused.
@Suite struct EncryptedRedelivery {
    static let sup = "@sup:hs", room = "!room:hs"
    let log = StatementLog()
    let database: AppDatabase
    let pickleKey = PickleKey.random()
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: [sup],
                           databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)

    init() throws {
        database = try AppDatabase.inMemory(tracing: log.record)
        let joined = start.addingTimeInterval(-3600)
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: joined)) }
    }

    var ts: Int64 { Int64(start.timeIntervalSince1970 * 1000) }

    func apply(_ token: String, _ events: [ClientEvent], at offset: TimeInterval) throws {
        try BatchIngestor(database: database).ingest(SyncBuilder.batch(token, join: [Self.room: events]), firstSync: false, config: config,
                                                     now: start.addingTimeInterval(offset), keyring: RoomKeyring(pickleKey: pickleKey))
    }

    func answers() throws -> Int {
        try database.outbox.pending(limit: 1000).filter { if case .send = $0.action { true } else { false } }.count
    }

    @Test func aRedeliveredBatchIsNotDecryptedAgainAndAReplayUnderANewIDIsStillRefused() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let batch = (0..<20).map { sup.text($0 == 0 ? "!help" : "chat \($0)", roomID: Self.room, ts: ts + Int64($0)) }
        try apply("s1", batch, at: 0)
        #expect(try answers() == 1)
        let again = try log.during { try apply("s1", batch, at: 1) }
        #expect(again.count("pickle FROM megolmInboundSession") == 0, "no room key opened for events routed already")
        #expect(try answers() == 1)
        let replay = ClientEvent(type: batch[0].type, sender: batch[0].sender, eventID: "$replay", originServerTS: ts + 50, content: batch[0].content)
        try apply("s2", batch + [replay], at: 2)
        #expect(try answers() == 1, "the command copied under a new id is refused as a replay")
        #expect(try !database.read { try $0.sync.isProcessed(eventID: "$replay") })
    }
}
