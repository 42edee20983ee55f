import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// The list of used Megolm message indexes is pruned with the daily housekeeping, and a replay
/// of a ciphertext whose record went is still refused.
@Suite struct ReplayPruning {
    static let bot = "@bot:hs", sup = "@sup:hs", room = "!room:hs"
    let database = try! AppDatabase.inMemory()
    let pickleKey = PickleKey.random()
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let config = BotConfig(homeserver: "http://hs", userID: bot, accessToken: Secret("t"), supervisors: [sup],
                           databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
    static let day: TimeInterval = 86_400

    init() throws {
        let joined = start.addingTimeInterval(-3600)
        try database.write {
            try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: joined))
        }
    }

    func ts(_ offset: TimeInterval) -> Int64 { Int64(start.addingTimeInterval(offset).timeIntervalSince1970 * 1000) }

    func apply(_ token: String, _ events: [ClientEvent], at offset: TimeInterval) throws {
        let batch = SyncBuilder.batch(token, join: [Self.room: events])
        _ = try BatchIngestor(database: database).ingest(batch, firstSync: false, config: config, now: start.addingTimeInterval(offset),
                                                         keyring: RoomKeyring(pickleKey: pickleKey))
    }

    func housekeeping(at offset: TimeInterval) throws {
        let now = start.addingTimeInterval(offset)
        _ = try database.write { try Housekeeping().runDue(now: now, config: config, writer: $0) }
    }

    func answered(_ eventID: String) throws -> Bool {
        try database.outbox.pending(limit: 1000).contains {
            guard case .send(_, _, let json) = $0.action else { return false }
            return JSONValue.parse(json)?["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == eventID
        }
    }

    @Test func aMonthOldIndexIsForgottenButItsCiphertextUnderANewEventIDIsStillRefused() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let help = sup.text("!help", roomID: Self.room, ts: ts(0))
        try apply("s1", [help], at: 0)
        #expect(try answered(help.eventID))
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 1)

        try housekeeping(at: 31 * Self.day)
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 0)
        let replay = ClientEvent(type: help.type, sender: help.sender, eventID: "$replay", originServerTS: ts(31 * Self.day),
                                 content: help.content)
        try apply("s2", [replay], at: 31 * Self.day)
        #expect(try !answered(replay.eventID))
        #expect(try database.read { try $0.undecrypted.count() } == 0, "a replay must not wait for a key either")

        // The same session's next message is read as usual.
        let next = sup.text("!help", roomID: Self.room, ts: ts(31 * Self.day + 1))
        try apply("s3", [next], at: 31 * Self.day + 1)
        #expect(try answered(next.eventID))
    }

    @Test func indexesSeenWithinTheMonthAreKeptAndStillGuarded() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let old = sup.text("!help", roomID: Self.room, ts: ts(0))
        try apply("s1", [old], at: 0)
        let recent = sup.text("!help", roomID: Self.room, ts: ts(20 * Self.day))
        try apply("s2", [recent], at: 20 * Self.day)

        try housekeeping(at: 31 * Self.day)
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 1)
        let replay = ClientEvent(type: recent.type, sender: recent.sender, eventID: "$again", originServerTS: ts(31 * Self.day),
                                 content: recent.content)
        try apply("s3", [replay], at: 31 * Self.day)
        #expect(try !answered(replay.eventID))
        // Housekeeping runs once a day: the same day again prunes nothing more.
        try housekeeping(at: 31 * Self.day + 60)
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 1)
    }

    @Test func theFloorCoversLowerIndexesRecordedLaterAndNeverSinks() throws {
        let (key, session) = ("curve-key", "session-1")
        let longAgo = start, lately = start.addingTimeInterval(29 * Self.day), now = start.addingTimeInterval(31 * Self.day)
        try database.write { writer in
            try writer.undecrypted.recordMessageIndex(senderKey: key, sessionID: session, index: 5, eventID: "$five", at: longAgo)
            // Delivered out of order: a lower index seen within the month.
            try writer.undecrypted.recordMessageIndex(senderKey: key, sessionID: session, index: 3, eventID: "$three", at: lately)
            try writer.undecrypted.recordMessageIndex(senderKey: key, sessionID: session, index: 9, eventID: "$nine", at: lately)
            try writer.undecrypted.recordMessageIndex(senderKey: key, sessionID: "other", index: 0, eventID: "$other", at: lately)
            try writer.undecrypted.pruneMessageIndexes(seenBefore: now.addingTimeInterval(-30 * Self.day), at: now)
        }
        func use(_ sessionID: String, _ index: Int64, from senderKey: String = key) throws -> MessageIndexUse {
            try database.read { try $0.undecrypted.messageIndexUse(senderKey: senderKey, sessionID: sessionID, index: index) }
        }
        #expect(try use(session, 5) == .forgotten)
        #expect(try use(session, 3) == .forgotten)
        #expect(try use(session, 4) == .forgotten, "never used, but older than the horizon")
        #expect(try use(session, 9) == .usedBy("$nine"))
        #expect(try use(session, 7) == .unused)
        #expect(try use("other", 0) == .usedBy("$other"))
        #expect(try use(session, 1, from: "another device") == .unused)
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 2)
        // A later pruning raises the floors over what has aged since; a floor never sinks.
        try database.write { try $0.undecrypted.pruneMessageIndexes(seenBefore: lately.addingTimeInterval(1), at: now.addingTimeInterval(Self.day)) }
        #expect(try use(session, 9) == .forgotten)
        #expect(try use(session, 5) == .forgotten)
        #expect(try use(session, 10) == .unused)
        #expect(try use("other", 0) == .forgotten)
        #expect(try use("other", 1) == .unused)
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 0)
        try database.write { try $0.undecrypted.pruneMessageIndexes(seenBefore: longAgo, at: now.addingTimeInterval(2 * Self.day)) }
        #expect(try use(session, 9) == .forgotten)
    }
}
