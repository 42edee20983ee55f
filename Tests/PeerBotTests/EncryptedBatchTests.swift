import Foundation
import MatrixClient
@testable import MatrixCrypto
import Crypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Encrypted rooms through the whole batch: decrypted before the router, kept when the key is
/// missing, read when it comes, and the sender told when it never does.
@Suite struct EncryptedBatches {
    static let bot = "@bot:hs", sup = "@sup:hs", room = "!room:hs"
    let database = try! AppDatabase.inMemory()
    let pickleKey = PickleKey.random()
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var config = BotConfig(homeserver: "http://hs", userID: bot, accessToken: Secret("t"), supervisors: [sup],
                           databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)

    init() throws {
        config.undecryptableAfter = .seconds(300)
        let joined = start.addingTimeInterval(-3600)
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: joined)) }
    }

    var ts: Int64 { Int64(start.timeIntervalSince1970 * 1000) }

    @discardableResult
    func apply(_ token: String, _ events: [ClientEvent] = [], at offset: TimeInterval = 0) throws -> BatchOutcome {
        let batch = SyncBuilder.batch(token, join: events.isEmpty ? [:] : [Self.room: events])
        return try BatchIngestor(database: database).ingest(batch, firstSync: false, config: config, now: start.addingTimeInterval(offset),
                                                            keyring: RoomKeyring(pickleKey: pickleKey))
    }

    func answers() throws -> [ClientJSON] {
        try database.outbox.pending(limit: 1000).compactMap {
            if case .send(_, _, let json) = $0.action { return JSONValue.parse(json) }
            return nil
        }
    }

    func answers(to eventID: String) throws -> [ClientJSON] {
        try answers().filter { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == eventID }
    }

    @Test func anEncryptedCommandIsAnsweredLikeAPlainOneAndOnlyOnce() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let help = sup.text("!help", roomID: Self.room, ts: ts)
        try apply("s1", [help])
        try apply("s1", [help])
        let replies = try answers(to: help.eventID)
        #expect(replies.count == 1)
        #expect(replies.first?["peerbot.kind"] == "help")
        #expect(try database.read { try $0.undecrypted.count() } == 0)
    }

    @Test func aMessageWhoseKeyComesLaterIsKeptThenAnsweredWhenItArrives() throws {
        let sup = MegolmSender(userID: Self.sup)
        let help = sup.text("!help", roomID: Self.room, ts: ts)
        try apply("s1", [help])
        #expect(try answers().isEmpty)
        let kept = try database.read { try $0.undecrypted.keyRequests(limit: 10) }
        #expect(kept.map(\.eventID) == [help.eventID])
        #expect(kept.first?.event.contains("!help") == false, "only ciphertext is kept")
        #expect(kept.first?.deviceID == "PHONE")

        // A sync without the key changes nothing; the next one after the key arrived answers.
        try apply("s2", at: 10)
        #expect(try answers().isEmpty)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey, fromStart: true)
        try apply("s3", at: 20)
        #expect(try answers(to: help.eventID).first?["peerbot.kind"] == "help")
        #expect(try database.read { try $0.undecrypted.count() } == 0)
    }

    @Test func aKeyThatDoesNotReachBackIsNotTriedAgainUntilABetterOneComes() throws {
        let sup = MegolmSender(userID: Self.sup)
        let first = sup.text("!help", roomID: Self.room, ts: ts)
        try apply("s1", [first])
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)  // from index 1 on: too late for it
        try apply("s2", at: 5)
        #expect(try database.read { try $0.undecrypted.eventsWithKeys() }.isEmpty, "tried once, then left waiting")
        #expect(try database.read { try $0.undecrypted.count() } == 1)
        let second = sup.text("!help", roomID: Self.room, ts: ts + 1)
        try apply("s3", [second], at: 6)
        #expect(try answers(to: second.eventID).count == 1)
        #expect(try answers(to: first.eventID).isEmpty)
    }

    @Test func afterTheWaitTheSenderIsToldOnceAndALateKeyDoesNotAnswerTwice() throws {
        let student = MegolmSender(userID: "@anna:hs")
        let message = student.text("!help", roomID: Self.room, ts: ts)
        try apply("s1", [message])
        try apply("s2", at: 299)
        #expect(try answers().isEmpty)
        try apply("s3", at: 301)
        let told = try answers(to: message.eventID)
        #expect(told.count == 1)
        #expect(told.first?["peerbot.kind"] == "undecryptable")
        #expect(told.first?["msgtype"] == "m.text", "the sender is notified")
        #expect(told.first?["m.mentions"]?["user_ids"] == ["@anna:hs"])
        #expect(told.first?["body"]?.stringValue?.contains("Send den venligst igen") == true, "in the default language, Danish")

        try student.share(roomID: Self.room, with: database, pickleKey: pickleKey, fromStart: true)
        try apply("s4", [message], at: 400)
        try apply("s5", at: 401)
        #expect(try answers(to: message.eventID).count == 1)
        #expect(try database.read { try $0.undecrypted.count() } == 0)
    }

    @Test func aBurstOfUnreadableMessagesGetsOneNoticeOnTheNewest() throws {
        let student = MegolmSender(userID: "@anna:hs")
        // Ids sorting opposite to the order they came in: the newest is the last one to arrive.
        let burst = (0..<5).map {
            student.event(content: ["msgtype": "m.text", "body": .string("besked \($0)")], roomID: Self.room, ts: ts + Int64($0),
                          eventID: "$burst-\(9 - $0)")
        }
        try apply("s1", burst)
        try apply("s2", at: 301)
        let notices = try answers().filter { $0["peerbot.kind"] == "undecryptable" }
        #expect(notices.count == 1)
        #expect(notices.first?["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == burst.last?.eventID)
        #expect(try database.read { try $0.undecrypted.count() } == 0)
    }

    @Test func theNoticeIsInTheRoomsLanguage() throws {
        try database.write { writer in
            var room = try #require(try writer.rooms.find(id: Self.room))
            room.language = "en"
            try writer.rooms.upsert(room)
        }
        let student = MegolmSender(userID: "@anna:hs")
        let message = student.text("hej", roomID: Self.room, ts: ts)
        try apply("s1", [message])
        try apply("s2", at: 600)
        #expect(try answers(to: message.eventID).first?["body"]?.stringValue?.contains("Please send it again") == true)
    }

    @Test func encryptedHistoryFromBeforeTheJoinAndRedactedWaitingMessagesAreNeverAnswered() throws {
        let student = MegolmSender(userID: "@anna:hs")
        let old = student.text("before the bot came", roomID: Self.room, ts: ts - 7_200_000)
        let waiting = student.text("!help", roomID: Self.room, ts: ts)
        try apply("s1", [old, waiting])
        #expect(try database.read { try $0.undecrypted.count() } == 1)
        let redaction = ClientEvent(type: "m.room.redaction", sender: "@anna:hs", eventID: "$red", originServerTS: ts + 1,
                                    content: ["redacts": .string(waiting.eventID)])
        try apply("s2", [redaction], at: 1)
        try apply("s3", at: 900)
        #expect(try answers().isEmpty)
    }

    @Test func aReplayedCiphertextUnderANewEventIDIsNotAnsweredTwice() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let help = sup.text("!help", roomID: Self.room, ts: ts)
        try apply("s1", [help])
        let replay = ClientEvent(type: help.type, sender: help.sender, eventID: "$replay", originServerTS: ts + 5, content: help.content)
        try apply("s2", [replay], at: 1)
        #expect(try answers().count == 1)
    }

    /// An event at `sup`'s next message index, made by a member who holds the room key but signs
    /// with a key of its own: valid MAC, forged signature.
    func forged(_ body: String, as sup: MegolmSender, eventID: String) -> ClientEvent {
        forgedEvent(body, as: sup, ratchet: sup.group.ratchet, roomID: Self.room, eventID: eventID, ts: ts)
    }

    func processed(_ eventID: String) throws -> Bool {
        try database.read { try $0.sync.isProcessed(eventID: eventID) }
    }

    @Test func aForgedCommandIsRefusedAndTheGenuineOneAtItsIndexIsStillAnswered() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let forged = forged("!help", as: sup, eventID: "$forged")
        let help = sup.text("!help", roomID: Self.room, ts: ts + 1)
        try apply("s1", [forged, help])
        #expect(try answers(to: "$forged").isEmpty)
        #expect(try !processed("$forged"), "all the forged command did is undone")
        #expect(try answers(to: help.eventID).count == 1)
    }

    @Test func aForgedHarmlessMessageDoesNotKeepTheGenuineCommandAtItsIndexOut() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        // Read without effect, so its signature is never checked; it still claims the index.
        try apply("s1", [forged("just chatting", as: sup, eventID: "$forged")])
        let help = sup.text("!help", roomID: Self.room, ts: ts + 1)
        try apply("s2", [help], at: 1)
        #expect(try answers(to: help.eventID).count == 1)
        let replay = ClientEvent(type: help.type, sender: help.sender, eventID: "$replay", originServerTS: ts + 5, content: help.content)
        try apply("s3", [replay], at: 2)
        #expect(try answers().count == 1, "the genuine command, now checked, holds its index")
    }

    @Test func aLargeBatchFromManySendersIsOpenedOnEveryCoreAndAnsweredInEventOrder() throws {
        let senders = (0..<4).map { _ in MegolmSender(userID: Self.sup) }
        for sender in senders { try sender.share(roomID: Self.room, with: database, pickleKey: pickleKey) }
        let forged = forged("!help", as: senders[2], eventID: "$forged")
        var events: [ClientEvent] = []
        var commands: [String] = []
        for round in 0..<8 {
            for (number, sender) in senders.enumerated() {
                let command = round % 3 == 0 && number == round % 4
                let event = sender.text(command ? "!help" : "chat \(round)", roomID: Self.room, ts: ts + Int64(events.count))
                if command { commands.append(event.eventID) }
                events.append(event)
                if round == 4, number == 2 { events.append(forged) }
            }
        }
        try apply("s1", events)
        #expect(try answers(to: "$forged").isEmpty)
        let replied = try answers().compactMap { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue }
        #expect(replied == commands)
    }

    @Test func aLargeBatchAcrossRoomsIsOpenedWhileLaterRoomsAreLookedUpAndEachCommandAnsweredInItsRoom() throws {
        let rooms = (0..<8).map { "!r\($0):hs" }
        let joined = start.addingTimeInterval(-3600)
        try database.write { writer in
            for room in rooms { try writer.rooms.upsert(RoomRecord(roomID: room, kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: joined)) }
        }
        // One device keeps a single session for every room, and each room also has a session of its own.
        let everywhere = MegolmSender(userID: Self.sup)
        var join: [String: [ClientEvent]] = [:]
        var commands: [String: [String]] = [:]
        for (number, room) in rooms.enumerated() {
            let own = MegolmSender(userID: Self.sup)
            try own.share(roomID: room, with: database, pickleKey: pickleKey)
            try everywhere.share(roomID: room, with: database, pickleKey: pickleKey)
            for round in 0..<3 {
                for sender in [own, everywhere] {
                    let command = round == number % 3
                    let event = sender.text(command ? "!help" : "chat \(round)", roomID: room, ts: ts + Int64(number * 10 + round))
                    if command { commands[room, default: []].append(event.eventID) }
                    join[room, default: []].append(event)
                }
            }
        }
        let batch = SyncBuilder.batch("s1", join: join)
        let outcome = try BatchIngestor(database: database).ingest(batch, firstSync: false, config: config, now: start,
                                                                   keyring: RoomKeyring(pickleKey: pickleKey))
        #expect(outcome.events == 48)
        let sent = try database.outbox.pending(limit: 1000).compactMap { item -> (String, String)? in
            guard case .send(let room, _, let json) = item.action,
                  let replyTo = JSONValue.parse(json)?["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue else { return nil }
            return (room, replyTo)
        }
        for room in rooms {
            #expect(sent.filter { $0.0 == room }.map(\.1) == commands[room], "\(room)")
        }
        #expect(try database.read { try $0.undecrypted.messageIndexCount() } == 48, "every message's index is held")
    }

    @Test func aHarmlessMessageReplayedUnderANewEventIDIsRefusedBeforeItCanCount() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let chat = sup.text("see you tomorrow", roomID: Self.room, ts: ts)
        try apply("s1", [chat])
        #expect(try processed(chat.eventID))
        let replay = ClientEvent(type: chat.type, sender: chat.sender, eventID: "$replay", originServerTS: ts + 5, content: chat.content)
        try apply("s2", [replay], at: 1)
        #expect(try !processed("$replay"), "refused as a replay at decryption, never routed")
    }

    // One batch asks the store about all its indexes at once; what it claims within the batch
    // must count for the batch's later events as a stored claim would.
    @Test func aCommandAndItsReplayInOneBatchAreAnsweredOnce() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let help = sup.text("!help", roomID: Self.room, ts: ts)
        let replay = ClientEvent(type: help.type, sender: help.sender, eventID: "$replay", originServerTS: ts + 5, content: help.content)
        try apply("s1", [help, replay])
        #expect(try answers(to: help.eventID).count == 1)
        #expect(try answers(to: "$replay").isEmpty)
    }

    @Test func aHarmlessMessageAndItsReplayInOneBatchClaimTheIndexOnceAndTheClaimOutlivesTheBatch() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let chat = sup.text("see you tomorrow", roomID: Self.room, ts: ts)
        let replay = ClientEvent(type: chat.type, sender: chat.sender, eventID: "$replay", originServerTS: ts + 5, content: chat.content)
        try apply("s1", [chat, replay])
        #expect(try processed(chat.eventID))
        #expect(try !processed("$replay"), "refused as a replay of a claim made earlier in the same batch")
        let later = ClientEvent(type: chat.type, sender: chat.sender, eventID: "$later", originServerTS: ts + 9, content: chat.content)
        try apply("s2", [later], at: 1)
        #expect(try !processed("$later"), "the batch's claim was stored with it")
    }

    @Test func aForgedHarmlessMessageDoesNotKeepOutTheGenuineCommandAtItsIndexInTheSameBatch() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let forged = forged("just chatting", as: sup, eventID: "$forged")
        let help = sup.text("!help", roomID: Self.room, ts: ts + 1)
        try apply("s1", [forged, help])
        #expect(try answers(to: help.eventID).count == 1)
        let replay = ClientEvent(type: help.type, sender: help.sender, eventID: "$replay", originServerTS: ts + 5, content: help.content)
        try apply("s2", [replay], at: 1)
        #expect(try answers().count == 1, "the genuine command took the index over from the forged claim")
    }

    @Test func withoutAKeyringEncryptedEventsAreLeftAloneAsBefore() throws {
        let sup = MegolmSender(userID: Self.sup)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let help = sup.text("!help", roomID: Self.room, ts: ts)
        try BatchIngestor(database: database).ingest(SyncBuilder.batch("s1", join: [Self.room: [help]]), firstSync: false, config: config, now: start)
        #expect(try answers().isEmpty)
        #expect(try database.read { try $0.undecrypted.count() } == 0)
    }

}
