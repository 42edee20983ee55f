import Foundation
import MatrixClient
import PeerLearning
import Testing
@testable import PeerBot

extension SessionFlow {
    /// A session planned two hours ahead (inside the 24-hour lead time) posts no empty goals
    /// message: it waits for the goals, and the two added together arrive in one message
    /// with no edit and no "goals changed" notice.
    @Test func goalsPlannedInsideTheLeadTimeWaitAndArriveTogether() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        _ = try run(driver, at: Date().addingTimeInterval(1))
        #expect(!(try kinds(driver, in: "!groupA:hs").contains("goals")), "an empty goals message went out")
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        _ = try driver.say("!session goal #\(session.number) Kende qSOFA")
        _ = try run(driver, at: Date().addingTimeInterval(60))
        #expect(!(try kinds(driver, in: "!groupA:hs").contains("goals")), "the goals went out before the others could be added")
        _ = try run(driver, at: Date().addingTimeInterval(125))
        let group = try driver.contents(in: "!groupA:hs")
        let goals = try #require(group.first { $0["peerbot.kind"] == "goals" })
        let body = goals["body"]?.stringValue ?? ""
        #expect(body.contains("Genkende tidlige tegn på sepsis") && body.contains("Kende qSOFA"), "not both goals: \(body)")
        #expect(group.filter { $0["peerbot.kind"] == "goals" }.count == 1)
        #expect(!group.contains { $0["m.relates_to"]?["rel_type"] == "m.replace" }, "the goals message was edited")
        #expect(!group.contains { $0["peerbot.kind"] == "reminder" }, "a 'goals changed' notice went out")
    }

    /// A change after the goals are posted, when nobody had confirmed, edits the message and
    /// says so once, asking nobody to confirm again.
    @Test func aChangeBeforeAnyConfirmationAsksNobodyAgain() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        _ = try run(driver, at: Date().addingTimeInterval(121))
        let goalsItem = try #require(try driver.database.read { try $0.sessions.find(number: session.number)?.goalsOutboxID })
        try driver.database.outbox.markSent(id: goalsItem, eventID: "$goals")
        _ = try driver.say("!session goal #\(session.number) Kende qSOFA")
        let group = try driver.contents(in: "!groupA:hs")
        #expect(group.contains { $0["m.relates_to"]?["rel_type"] == "m.replace" })
        let notices = group.filter { $0["peerbot.kind"] == "reminder" }
        #expect(notices.count == 1)
        #expect(notices.first?["m.mentions"]?["user_ids"] == [], "students who had not confirmed were asked again")
        #expect(!(notices.first?["body"]?.stringValue?.contains("!forstået") ?? true))
    }
}
