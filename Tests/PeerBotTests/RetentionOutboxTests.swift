import Foundation
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct RetentionOfOutboxCopies {
    @Test func sentCopiesGoAfterRetentionDaysWhenThatIsShorterThanAMonth() throws {
        let database = try AppDatabase.inMemory()
        var config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        config.retentionDays = 7
        let now = Date()
        let (eightDays, twoDays) = try database.write { writer in
            (try writer.outbox.enqueue(.send(roomID: "!s:hs", eventType: "m.room.message", contentJSON: #"{"body":"Opsummering"}"#), at: now.addingTimeInterval(-8 * 86_400)),
             try writer.outbox.enqueue(.send(roomID: "!s:hs", eventType: "m.room.message", contentJSON: #"{"body":"Ny"}"#), at: now.addingTimeInterval(-2 * 86_400)))
        }
        try database.outbox.markSent(id: eightDays.id, eventID: "$a", at: now.addingTimeInterval(-8 * 86_400))
        try database.outbox.markSent(id: twoDays.id, eventID: "$b", at: now.addingTimeInterval(-2 * 86_400))
        let chosen = config
        _ = try database.write { try Housekeeping().runDue(now: now, config: chosen, writer: $0) }
        #expect(try database.read { try $0.outbox.item(id: eightDays.id) } == nil)
        #expect(try database.read { try $0.outbox.item(id: twoDays.id) } != nil)
        #expect(try database.finishErasure())
    }
}
