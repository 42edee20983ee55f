import Foundation
import MatrixClient
import PeerBotStore
import Testing
@testable import PeerBot

/// A catch-up brings thousands of encrypted events, nearly each from its own room key: the
/// batch asks the store about a room's keys and routed events once each, not once per event,
/// about each message index once (one prepared statement stepped per index, which costs SQLite
/// less than reading them all from one JSON array), and answers as before.
extension EncryptedRedelivery {
    /// Reading stored room keys (the pickles), and which of given events were routed already.
    static let keys = "pickle FROM megolmInboundSession", routed = "eventID FROM processedEvent WHERE eventID IN"

    @Test func aBatchFromManyRoomKeysAsksAboutThemOnceAndAnswersAsBefore() throws {
        let senders = (0..<12).map { _ in MegolmSender(userID: Self.sup) }
        for sender in senders { try sender.share(roomID: Self.room, with: database, pickleKey: pickleKey) }
        var events: [ClientEvent] = []
        for round in 0..<2 {
            for sender in senders { events.append(sender.text("chat \(round)", roomID: Self.room, ts: ts + Int64(events.count))) }
        }
        events.append(senders[5].text("!help", roomID: Self.room, ts: ts + 100))
        let batch = events

        let statements = try log.during { try apply("s1", batch, at: 0) }
        #expect(statements.count(Self.keys) == 1, "one read of the room's keys for 12 sessions")
        #expect(statements.count("LEFT JOIN megolmMessageIndex") == batch.count, "who used each of the 25 indexes, asked once each")
        #expect(statements.count("INSERT INTO megolmMessageIndex") == batch.count + 1, "the 25 unchecked messages' claims, the checked command's record")
        #expect(statements.count(Self.routed) == 2, "one look for routed events before decrypting, one before routing")
        #expect(try answers() == 1)
        try database.read { reader throws in
            #expect(try reader.sync.processed(among: batch.map(\.eventID)).count == batch.count)
            #expect(try reader.undecrypted.messageIndexCount() == batch.count, "every message's index is held, claimed or used")
        }
    }
}
