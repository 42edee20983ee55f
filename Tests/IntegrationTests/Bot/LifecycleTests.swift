import Foundation
import Testing

extension BotEngineTests {
    @Suite("Process lifecycle and secrets")
    struct Lifecycle {
        @Test("a revoked access token (M_UNKNOWN_TOKEN) stops the bot with status 78")
        func revokedTokenExits78() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "token")
            defer { scenario.bot.kill9() }
            try await scenario.bot.account.logout()

            let status = await scenario.bot.waitForExit(timeout: Polling.patience)
            #expect(status == 78, "exit status \(status.map(String.init) ?? "none: still running")")
            let log = scenario.bot.log
            let lower = log.lowercased()
            let saysRejected = log.contains("M_UNKNOWN_TOKEN")
                || (lower.contains("token") && ["reject", "revoked", "invalid", "unknown"].contains { lower.contains($0) })
            #expect(saysRejected, "the log does not say the token was rejected:\n\(scenario.bot.logTail())")
        }

        /// The SPEC's 5 s is the bot's own bound: the sync service ends its long-poll itself
        /// (StartupAndIdle's unit test, with the homeserver holding the poll for an hour), the
        /// outbox drains for at most `OutboxSender.drainBudget`, and the group cancels what still
        /// runs after `BotRuntime.gracefulShutdownLimit` (OutboxDrainOnShutdown). The wall time
        /// measured here would also count the cores the rest of the suite keeps busy.
        @Test("SIGTERM while idle exits 0 and says it stopped")
        func sigtermWhileIdle() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "sigterm")
            defer { scenario.bot.kill9() }
            // Idle: nothing to do, so it sits in the sync long-poll.
            try await Task.sleep(for: .seconds(3))
            try scenario.bot.checkAlive()

            let stopped = await scenario.bot.terminate()
            #expect(stopped.status == 0, "exit status \(stopped.status.map(String.init) ?? "none: still running")")
            #expect(scenario.bot.log.contains("sync stopped"), "the log does not show the long-poll stopping:\n\(scenario.bot.logTail())")
            print("sigterm: the idle bot exited \(stopped.elapsed) after SIGTERM")
        }

        @Test("the access token never appears in the debug log")
        func tokenNeverLogged() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "secrets")
            defer { scenario.bot.kill9() }
            let room = try await scenario.groupRoom()
            for text in ["!help", "!status", "!foo"] {
                let command = try await scenario.student.send(text, in: room)
                _ = try await scenario.reply(to: command, in: room)
            }
            _ = await scenario.bot.terminate()

            let log = scenario.bot.log
            #expect(!log.isEmpty, "the bot wrote no log at log_level debug")
            let token = scenario.bot.accessToken
            #expect(!log.contains(token), "the access token is in the log")
            // Synapse tokens are syt_<user>_<secret>_<check>: the secret part alone must not show either.
            let parts = token.split(separator: "_")
            if parts.count == 4 {
                #expect(!log.contains(parts[2]), "the secret part of the access token is in the log")
            }
        }
    }
}
