import Foundation
import GRDB
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A job that always fails the way a bug or a bad row would.
struct BrokenJob: ScheduledWork {
    struct Bug: Error {}
    func runDue(_ jobs: JobRunner) throws -> Int {
        try jobs.writer.jobs.markRun(jobKey: "broken-effect", at: jobs.now)
        throw Bug()
    }
}

/// A job whose database is busy: the kind of failure a later tick gets past.
struct BusyJob: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        throw DatabaseError(resultCode: .SQLITE_BUSY)
    }
}

/// A job that leaves one mark per tick.
struct CountingJob: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        try jobs.writer.jobs.markRun(jobKey: "tick/\(jobs.now.timeIntervalSince1970)", at: jobs.now)
        return 0
    }
}

@Suite struct JobIsolation {
    let driver = RoomDriver()

    func scheduler(_ work: [any ScheduledWork]) -> SchedulerService {
        SchedulerService(database: driver.database, config: ConfigHolder(driver.config), outbox: Wakeup(), work: work, logger: .init(label: "test"))
    }

    func ticks() throws -> Int {
        try driver.database.read { reader in try (0..<10).filter { try reader.jobs.hasRun(jobKey: "tick/\(Double(1_000 + $0))") }.count }
    }

    @Test func aFailingJobHoldsBackNoOtherAndIsSetAsideWithAnAlertAfterFiveTries() throws {
        let scheduler = scheduler([BrokenJob(), CountingJob()])
        for second in 0..<7 { scheduler.tick(now: Date(timeIntervalSince1970: Double(1_000 + second))) }
        #expect(try ticks() == 7)
        #expect(try !driver.database.read { try $0.jobs.hasRun(jobKey: "broken-effect") })
        #expect(try driver.database.read { try $0.jobs.hasRun(jobKey: JobRunner.setAsideKey("BrokenJob")) })
        let alerts = try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "alert" }
        #expect(alerts.count == 1)
        #expect(alerts.first?["body"]?.stringValue?.contains("5") == true)
    }

    @Test func aTransientFailureRollsTheTickBackAndIsNeverSetAside() throws {
        let scheduler = scheduler([CountingJob(), BusyJob()])
        for second in 0..<7 { scheduler.tick(now: Date(timeIntervalSince1970: Double(1_000 + second))) }
        #expect(try ticks() == 0)
        #expect(try !driver.database.read { try $0.jobs.hasRun(jobKey: JobRunner.setAsideKey("BusyJob")) })
        #expect(try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "alert" }.isEmpty)
    }

    @Test func reformingWithASessionStillPlannedKeepsTheNextGroupsMomentsOnTime() throws {
        var driver = try SessionFlow().driverWithGroup()
        driver.config.evaluationEvery = 1
        _ = try driver.say("!session plan A +1h 1h Old-group")
        let old = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: .distantFuture).first })
        _ = try driver.say("!groups plan size=2 seed=1")
        _ = try driver.say("!groups create")
        let newGroup = try #require(try driver.database.read { try $0.groups.active().first })
        try driver.database.write { try RoomRefs.register(ref: RoomRef.group(newGroup.id).string, roomID: "!new:hs", writer: $0) }
        _ = try driver.say("!session plan \(newGroup.name) +2h 1h New-group")
        let config = driver.config
        let scheduler = SchedulerService(database: driver.database, config: ConfigHolder(config), outbox: Wakeup(),
                                         work: [SessionJobs()], logger: .init(label: "test"))
        // The old group's end (which would start an evaluation for an archived group) and the new
        // group's start fall in the same tick.
        scheduler.tick(now: old.startsAt.addingTimeInterval(1))
        scheduler.tick(now: old.endsAt.addingTimeInterval(1))
        let posted = try driver.contents(in: "!new:hs").compactMap { $0["peerbot.kind"]?.stringValue }
        #expect(posted.contains("goals"))
        #expect(posted.contains("session_start"))
        #expect(try driver.database.read { try $0.reflections.round(session: old.number) } != nil)
        #expect(try driver.database.read { try $0.assessment.openRounds() }.isEmpty)
    }

    @Test func closesAndSummariesWaitUntilTheFirstSyncHasCaughtUp() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        _ = try driver.say("!evaluer A")
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        let progress = SyncProgress()
        let scheduler = SchedulerService(database: driver.database, config: ConfigHolder(driver.config), outbox: Wakeup(),
                                         work: [ReflectionJobs(), AssessmentJobs()], logger: .init(label: "test"), progress: progress)
        let late = round.deadline.addingTimeInterval(86_400 * 10)
        scheduler.tick(now: late)
        #expect(try driver.database.read { try $0.reflections.round(session: session.number)?.summarizedAt } == nil)
        #expect(try driver.database.read { try $0.assessment.openRounds() }.count == 1)
        progress.markCaughtUp()
        scheduler.tick(now: late)
        #expect(try driver.database.read { try $0.reflections.round(session: session.number)?.summarizedAt } != nil)
        #expect(try driver.database.read { try $0.assessment.openRounds() }.isEmpty)
    }
}
