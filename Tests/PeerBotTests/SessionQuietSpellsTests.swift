import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// The scheduler's session jobs, run every second by one long-lived value as the daemon does:
/// a session found with nothing to run is passed over until its next moment, never past it.
@Suite struct SessionQuietSpellsTests {
    let jobs = SessionJobs()

    func run(_ driver: RoomDriver, at now: Date) throws -> Int {
        let config = driver.config
        return try driver.database.write { [jobs] in try jobs.runDue(now: now, config: config, writer: $0) }
    }

    func kinds(_ driver: RoomDriver) throws -> [String] {
        try driver.contents(in: "!groupA:hs").compactMap { $0["peerbot.kind"]?.stringValue }
    }

    @Test func aSessionLookedAtEverySecondPostsEachMomentWhenItComes() throws {
        var driver = try SessionFlow().driverWithGroup()
        _ = try driver.say("!ready @anna:hs")
        _ = try driver.say("!session plan A +2h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86_400)).first })
        _ = try driver.say("!session goal #\(session.number) Genkende tidlige tegn på sepsis")
        let start = session.startsAt
        let before = try kinds(driver).count
        // The moments of the same course looked at afresh (SessionFlow), with ticks between them.
        for offset in [-3600.0, -3599, -3598, -3000, 1, 2, 1801, 1802, 3000, 3001, 3601, 3602] {
            _ = try run(driver, at: start.addingTimeInterval(offset))
        }
        let posted = Array(try kinds(driver).dropFirst(before))
        #expect(posted == ["goals", "session_start", "facilitator_prompt", "facilitator_prompt", "reflection_prompt"])
    }

    @Test func aSessionMovedEarlierIsSeenAtItsNewTime() throws {
        var driver = try SessionFlow().driverWithGroup()
        _ = try driver.say("!session plan A +3h 1h Sepsis-case")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86_400)).first })
        let before = try kinds(driver).count
        // Found quiet until its start three hours away…
        _ = try run(driver, at: Date().addingTimeInterval(1))
        #expect(try kinds(driver).count == before)
        // …then moved to start in a minute: its start message must not wait for the old time.
        try driver.database.write { try $0.sessions.move(session.number, to: Date().addingTimeInterval(60), at: Date()) }
        _ = try run(driver, at: Date().addingTimeInterval(61))
        #expect(try kinds(driver).dropFirst(before).contains("session_start"))
    }
}
