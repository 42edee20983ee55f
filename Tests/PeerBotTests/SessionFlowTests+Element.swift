import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

extension SessionFlow {
    private func sent(_ driver: RoomDriver, kind: String, to room: String) throws -> [JSONValue] {
        try driver.contents(in: room).filter { $0["peerbot.kind"]?.stringValue == kind }
    }

    private func topics(_ driver: RoomDriver) throws -> [String] {
        try driver.actions().compactMap {
            guard case .state(_, "m.room.topic", _, let json) = $0 else { return nil }
            return JSONValue.parse(json)?["topic"]?.stringValue
        }
    }

    /// The facilitator can prepare: the checklist comes with the goals, once; the group is
    /// reminded a quarter of an hour before; the topic moves on when the session ends.
    @Test func checklistWithTheGoalsReminderBeforeAndTopicAfter() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!ready @anna:hs")
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        _ = try driver.say("!absent #\(session.number) @david:hs")
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        let start = session.startsAt
        _ = try run(driver, at: start.addingTimeInterval(-3600))
        #expect(try sent(driver, kind: "goals", to: "!groupA:hs").count == 1)
        #expect(try sent(driver, kind: "facilitator_prompt", to: "ref:direct:@anna:hs").count == 1, "the checklist comes with the goals")
        _ = try run(driver, at: start.addingTimeInterval(-899))
        let reminder = try #require(try sent(driver, kind: "reminder", to: "!groupA:hs").first)
        #expect(reminder["msgtype"] == "m.text")
        #expect(Set(reminder["m.mentions"]?["user_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []) == ["@anna:hs", "@bo:hs", "@cecilie:hs"])
        #expect(reminder["body"]?.stringValue?.contains("begynder om 15 minutter") == true, "\(reminder)")
        _ = try run(driver, at: start.addingTimeInterval(1))
        #expect(try sent(driver, kind: "facilitator_prompt", to: "ref:direct:@anna:hs").count == 1, "no second checklist at the start")
        #expect(try topics(driver).last?.contains("#\(session.number)") == true)
        _ = try run(driver, at: start.addingTimeInterval(3601))
        #expect(try topics(driver).last == "Næste session: ingen planlagt endnu", "the ended session is no longer in the topic")
        #expect(try sent(driver, kind: "reminder", to: "!groupA:hs").count == 1)
    }

    /// A session planned long ago and moved to start soon counts as planned at the move: its
    /// goals wait for content instead of going out at once, empty.
    @Test func aMovedSessionCountsAsPlannedWhenItWasMoved() throws {
        var driver = try driverWithGroup()
        let group = try #require(try driver.database.read { try $0.groups.active().first })
        let longAgo = Date().addingTimeInterval(-10 * 86_400)
        let record = try driver.database.write {
            try $0.sessions.plan(groupID: group.id, title: "Flyttet", startsAt: Date().addingTimeInterval(20 * 86_400),
                                 durationSeconds: 3600, plannedBy: RoomDriver.sup, at: longAgo)
        }
        let moved = try #require(try driver.say("!session move #\(record.number) +30m"))
        #expect(moved["peerbot.error"] == nil, "\(moved)")
        let now = try #require(try driver.database.read { try $0.sessions.find(number: record.number) })
        #expect(now.plannedAt > longAgo.addingTimeInterval(86_400), "plannedAt is the time of the move")
        _ = try run(driver, at: Date().addingTimeInterval(5))
        #expect(try sent(driver, kind: "goals", to: "!groupA:hs").isEmpty, "an empty goals message went out at once")
        _ = try run(driver, at: now.startsAt.addingTimeInterval(1))
        #expect(try sent(driver, kind: "goals", to: "!groupA:hs").count == 1)
    }
}
