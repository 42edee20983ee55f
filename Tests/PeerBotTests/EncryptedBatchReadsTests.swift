import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A catch-up brings thousands of encrypted events, nearly each from its own room key: the
/// batch asks the store about a room's keys, message indexes and routed events once each, not
/// once per event, and answers as before.
@Suite struct EncryptedBatchReads {
    static let sup = "@sup:hs", room = "!room:hs"
    /// Reading stored room keys (the pickles), and which of given events were routed already.
    static let keys = "pickle FROM megolmInboundSession", routed = "eventID FROM processedEvent WHERE eventID IN"
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

    func ingest(_ token: String, _ events: [ClientEvent]) throws -> [String] {
        try log.during {
            _ = try BatchIngestor(database: database).ingest(SyncBuilder.batch(token, join: [Self.room: events]), firstSync: false, config: config,
                                                             now: start, keyring: RoomKeyring(pickleKey: pickleKey))
        }
    }

    @Test func aBatchFromManyRoomKeysAsksAboutThemOnceAndAnswersAsBefore() throws {
        let senders = (0..<12).map { _ in MegolmSender(userID: Self.sup) }
        for sender in senders { try sender.share(roomID: Self.room, with: database, pickleKey: pickleKey) }
        let ts = Int64(start.timeIntervalSince1970 * 1000)
        var events: [ClientEvent] = []
        for round in 0..<2 {
            for sender in senders { events.append(sender.text("chat \(round)", roomID: Self.room, ts: ts + Int64(events.count))) }
        }
        let help = senders[5].text("!help", roomID: Self.room, ts: ts + 100)
        events.append(help)

        let batch = events
        let statements = try ingest("s1", batch)
        #expect(statements.count(Self.keys) == 1, "one read of the room's keys for 12 sessions")
        #expect(statements.count("LEFT JOIN megolmMessageIndex") == 1, "one read of who used 25 indexes")
        #expect(statements.count("INSERT INTO megolmMessageIndex") == 2, "the 24 unchecked chats' claims together, the checked command's record")
        #expect(statements.count(Self.routed) == 2, "one look for routed events before decrypting, one before routing")

        let answers = try database.outbox.pending(limit: 100).filter {
            if case .send(_, _, let json) = $0.action { return JSONValue.parse(json)?["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == help.eventID }
            return false
        }
        #expect(answers.count == 1)
        try database.read { reader throws in
            #expect(try reader.sync.processed(among: batch.map(\.eventID)).count == batch.count)
            #expect(try reader.undecrypted.messageIndexCount() == batch.count, "every message's index is held, claimed or used")
        }

        // The same batch again (a re-delivery) opens nothing and asks about no key.
        let again = try ingest("s1", batch)
        #expect(again.count(Self.keys) == 0)
        #expect(again.count("megolmMessageIndex") == 0)
    }
}
