import Foundation
import MatrixClient
import Testing
@testable import PeerBot

/// Failures that a restart cannot fix stop the bot with exit 78 and a sentence naming the cause.
@Suite struct ConfigurationClassStops {
    func server(_ status: Int, _ errcode: String) -> MatrixClientError {
        .server(MatrixError(status: status, errcode: errcode, message: "x"))
    }

    @Test func aRedirectNamesTheURL() throws {
        let stop = try #require(BotStop.configurationClass(server(301, "M_UNRECOGNIZED")))
        #expect(stop.exitStatus == 78)
        #expect(stop.description.contains("redirects (HTTP 301)"))
    }

    @Test func aMissingTokenNeedsANewOne() throws {
        let stop = try #require(BotStop.configurationClass(server(401, "M_MISSING_TOKEN")))
        #expect(stop.description.contains("M_MISSING_TOKEN"))
        #expect(stop.description.contains("peerbot login"))
        #expect(RetryPolicy().decide(server(401, "M_MISSING_TOKEN"), attempt: 1, jitter: 0) == .stop)
    }

    @Test func aBadRequestOnSyncIsConfiguration() throws {
        #expect(try #require(BotStop.configurationClass(server(400, "M_BAD_JSON"))).description.contains("malformed"))
        #expect(try #require(BotStop.configurationClass(server(404, "M_UNRECOGNIZED"))).description.contains("client API"))
    }

    @Test func outagesAndRefusalsAreNot() {
        #expect(BotStop.configurationClass(server(502, "M_UNKNOWN")) == nil)
        #expect(BotStop.configurationClass(server(403, "M_FORBIDDEN")) == nil)
        #expect(BotStop.configurationClass(MatrixClientError.transport("reset")) == nil)
    }

    @Test func aBadDatabaseSaysWhatToDo() {
        let stop = BotStop.badDatabase("SQLite error 26: file is not a database")
        #expect(stop.exitStatus == 78)
        #expect(stop.description.contains("file is not a database"))
        #expect(stop.description.contains("backup"))
    }
}

/// The outbox's back-off and bounds, decided without I/O.
@Suite struct OutboxRetryBounds {
    let retry = OutboxRetry()
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    struct Unexpected: Error {}

    @Test func anUnexpectedErrorIsGivenUpAfterEightAttempts() {
        for attempts in 0..<7 {
            guard case .retry(_, let counted) = retry.decide(Unexpected(), attempts: attempts, queuedAt: start, now: start, jitter: 0) else {
                Issue.record("attempt \(attempts + 1) was not retried")
                continue
            }
            #expect(counted)
        }
        guard case .giveUp(.exhausted) = retry.decide(Unexpected(), attempts: 7, queuedAt: start, now: start, jitter: 0) else {
            Issue.record("the eighth failure was not the last")
            return
        }
    }

    @Test func anOutageIsRetriedForADayWithGrowingWaitsUpToTenMinutes() {
        let outage = MatrixClientError.transport("connection refused")
        var waits: [TimeInterval] = []
        for attempts in 0..<12 {
            if case .retry(let next, true) = retry.decide(outage, attempts: attempts, queuedAt: start, now: start + 3600, jitter: 1) {
                waits.append(next.timeIntervalSince(start + 3600))
            }
        }
        #expect(waits.count == 12)
        #expect(waits == waits.sorted())
        #expect(waits.first == 2)
        #expect(waits.last == 600)
        guard case .giveUp = retry.decide(outage, attempts: 100, queuedAt: start, now: start + 24 * 3600, jitter: 0) else {
            Issue.record("an outage past a day was still retried")
            return
        }
    }

    @Test func aRateLimitWaitsAsToldAndIsNotCounted() {
        let limited = MatrixClientError.server(MatrixError(status: 429, errcode: "M_LIMIT_EXCEEDED", message: "", retryAfter: .milliseconds(62_500)))
        #expect(retry.decide(limited, attempts: 50, queuedAt: start, now: start, jitter: 0) == .retry(at: start + 62.5, counted: false))
    }

    @Test func tooLargeAndRefusedAreGivenUpAtOnce() {
        let tooLarge = MatrixClientError.server(MatrixError(status: 413, errcode: "M_TOO_LARGE", message: ""))
        #expect(retry.decide(tooLarge, attempts: 0, queuedAt: start, now: start, jitter: 0) == .giveUp(.tooLarge))
        let forbidden = MatrixClientError.server(MatrixError(status: 403, errcode: "M_FORBIDDEN", message: "no"))
        #expect(retry.decide(forbidden, attempts: 0, queuedAt: start, now: start, jitter: 0) == .giveUp(.refused("403 M_FORBIDDEN: no")))
    }
}

extension OutboxRetryBounds {
    @Test func aRateLimitWithoutAUsefulWaitStillWaitsAMoment() {
        let zero = MatrixClientError.server(MatrixError(status: 429, errcode: "M_LIMIT_EXCEEDED", message: "", retryAfter: .zero))
        #expect(retry.decide(zero, attempts: 0, queuedAt: start, now: start, jitter: 0) == .retry(at: start + 0.5, counted: false))
    }
}
