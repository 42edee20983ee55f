import Foundation
import GRDB
import MatrixClient
@testable import PeerBotStore
import PeerLearning
import Synchronization
import Testing
@testable import PeerBot

/// A job that fails, or dies, as long as `mode` says, and counts how often it was started.
final class FlakyJob: ScheduledWork, Sendable {
    enum Mode { case fails, dies, works }
    struct Bug: Error {}
    let mode = Mutex(Mode.fails)
    let starts = Mutex(0)

    func runDue(_ jobs: JobRunner) throws -> Int {
        starts.withLock { $0 += 1 }
        switch mode.withLock({ $0 }) {
        case .fails: throw Bug()
        // A process killed in the job commits nothing of its tick; a busy database undoes it the same way.
        case .dies: throw DatabaseError(resultCode: .SQLITE_BUSY)
        case .works: break
        }
        try jobs.writer.jobs.markRun(jobKey: "flaky-ran/\(jobs.now.timeIntervalSince1970)", at: jobs.now)
        return 0
    }
}

/// A job's failures in a row live in the job ledger: a restart neither resets them nor lets a
/// set-aside job out again, and a job that kills the process is caught after a few restarts.
@Suite struct JobLedger {
    let driver = RoomDriver()
    let key = "FlakyJob"

    /// A scheduler as a fresh process would make it, on the same database.
    func start(_ work: [any ScheduledWork], breadcrumb: JobBreadcrumb? = nil) -> SchedulerService {
        SchedulerService(database: driver.database, config: ConfigHolder(driver.config), outbox: Wakeup(), work: work,
                         logger: .init(label: "test"), breadcrumb: breadcrumb)
    }

    func tick(_ scheduler: SchedulerService, _ second: Int) {
        scheduler.tick(now: Date(timeIntervalSince1970: Double(1_000 + second)))
    }

    func alerts() throws -> [JSONValue] {
        try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "alert" }
    }

    func setAside() throws -> Bool { try driver.database.read { try $0.jobs.hasRun(jobKey: JobRunner.setAsideKey(key)) } }

    @Test func failuresInARowAreCountedAcrossARestart() throws {
        let job = FlakyJob()
        let first = start([job])
        for second in 0..<3 { tick(first, second) }
        #expect(try driver.database.read { try $0.jobs.failures(jobKey: key) } == 3)
        let restarted = start([job])
        for second in 3..<5 { tick(restarted, second) }
        #expect(try setAside())
        #expect(job.starts.withLock { $0 } == 5)
        let alert = try #require(try alerts().first)
        #expect(alert["body"]?.stringValue?.contains("not even after a restart") == true)
        #expect(alert["body"]?.stringValue?.contains("let the job run again") == true)
        #expect(try alerts().count == 1)
    }

    @Test func aSetAsideJobStaysAsideAfterARestartAndRunsAgainOnceItsRowIsDeleted() throws {
        let job = FlakyJob()
        let first = start([job])
        for second in 0..<5 { tick(first, second) }
        #expect(try setAside())
        let restarted = start([job])
        for second in 5..<10 { tick(restarted, second) }
        #expect(job.starts.withLock { $0 } == 5, "a set-aside job was tried again after a restart")

        // The administrator's way back (admin guide): delete the set-aside row with the bot stopped.
        try driver.database.writer.write { try $0.execute(sql: "DELETE FROM jobRun WHERE jobKey = ?", arguments: [JobRunner.setAsideKey(key)]) }
        let again = start([job])
        // Still broken: it gets all five attempts again, not one.
        for second in 10..<14 { tick(again, second) }
        #expect(try !setAside())
        job.mode.withLock { $0 = .works }
        tick(again, 14)
        #expect(try driver.database.read { try $0.jobs.hasRun(jobKey: "flaky-ran/1014.0") })
        #expect(try driver.database.read { try $0.jobs.failures(jobKey: key) } == 0)
        #expect(try alerts().count == 1)
    }

    @Test func aJobThatKillsTheProcessIsSetAsideAfterFiveRestarts() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-\(UUID().uuidString).job").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let job = FlakyJob()
        job.mode.withLock { $0 = .dies }
        for restart in 0..<5 {
            // What a process killed inside the job leaves behind: the outer and the inner job's names.
            try "FlakyJobs\n\(key)".write(toFile: file, atomically: false, encoding: .utf8)
            let scheduler = start([job], breadcrumb: try #require(JobBreadcrumb(path: file)))
            tick(scheduler, restart)
        }
        #expect(try setAside())
        // Started after each of the first four deaths, not after the fifth.
        #expect(job.starts.withLock { $0 } == 4)
        #expect(try alerts().count == 1)
        // A tick that finished leaves nothing behind to blame.
        #expect(JobBreadcrumb(path: file)?.interrupted() == nil)
    }

    @Test func aDeathOutsideAnyJobBlamesNone() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-\(UUID().uuidString).job").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let job = FlakyJob()
        job.mode.withLock { $0 = .works }
        let scheduler = start([job], breadcrumb: try #require(JobBreadcrumb(path: file)))
        tick(scheduler, 0)
        let restarted = start([job], breadcrumb: try #require(JobBreadcrumb(path: file)))
        tick(restarted, 1)
        #expect(try driver.database.read { try $0.jobs.failures(jobKey: key) } == 0)
        #expect(job.starts.withLock { $0 } == 2)
    }
}
