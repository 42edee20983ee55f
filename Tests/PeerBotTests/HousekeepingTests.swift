import Foundation
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct DailyJobs {
    @Test func housekeepingForgetsOldEventIDsAndSentRowsOncePerDay() throws {
        let database = try AppDatabase.inMemory()
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let now = Date()
        let old = now.addingTimeInterval(-40 * 86_400)
        let sent = try database.write { writer -> OutboxItem in
            try writer.sync.markProcessed(eventID: "$old", roomID: "!r:hs", at: old)
            try writer.sync.markProcessed(eventID: "$new", roomID: "!r:hs", at: now)
            return try writer.outbox.enqueue(.send(roomID: "!r:hs", eventType: "m.room.message", contentJSON: #"{"body":"x"}"#), at: old)
        }
        try database.outbox.markSent(id: sent.id, eventID: "$e", at: old)
        _ = try database.write { try Housekeeping().runDue(now: now, config: config, writer: $0) }
        #expect(try database.read { try $0.sync.isProcessed(eventID: "$old") } == false)
        #expect(try database.read { try $0.sync.isProcessed(eventID: "$new") })
        #expect(try database.read { try $0.outbox.item(id: sent.id) } == nil)
        #expect(try database.read { try $0.jobs.hasRun(jobKey: "housekeeping/" + SessionTimeFormat.isoDay(now, timeZone: config.timeZone)) })
    }

    @Test func retentionDeletesOldReflectionTextsOnlyWhenConfigured() throws {
        let database = try AppDatabase.inMemory()
        var config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let now = Date()
        try database.write { writer in
            try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: now)
            let group = try writer.groups.create([("A", ["@anna:hs"])], at: now)[0]
            let session = try writer.sessions.plan(groupID: group.id, title: "T", startsAt: now.addingTimeInterval(-90 * 86_400),
                                                   durationSeconds: 60, plannedBy: "@sup:hs", at: now.addingTimeInterval(-91 * 86_400))
            try writer.reflections.add(sessionNumber: session.number, userID: "@anna:hs", scope: .group, text: "Gammel tekst",
                                       eventID: "$r", roomID: "!g:hs", at: now.addingTimeInterval(-90 * 86_400), late: false)
        }
        let keepAll = config
        _ = try database.write { try RetentionPurge().runDue(now: now, config: keepAll, writer: $0) }
        #expect(try database.read { try $0.reflections.find(eventID: "$r") } != nil)
        config.retentionDays = 30
        let thirtyDays = config
        _ = try database.write { try RetentionPurge().runDue(now: now, config: thirtyDays, writer: $0) }
        #expect(try database.read { try $0.reflections.find(eventID: "$r") } == nil)
    }
}
