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

            let status = await scenario.bot.waitForExit(timeout: .seconds(45))
            #expect(status == 78, "exit status \(status.map(String.init) ?? "none: still running")")
            let log = scenario.bot.log
            let lower = log.lowercased()
            let saysRejected = log.contains("M_UNKNOWN_TOKEN")
                || (lower.contains("token") && ["reject", "revoked", "invalid", "unknown"].contains { lower.contains($0) })
            #expect(saysRejected, "the log does not say the token was rejected:\n\(scenario.bot.logTail())")
        }

        @Test("SIGTERM while idle exits 0 within 5 s")
        func sigtermWhileIdle() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "sigterm")
            defer { scenario.bot.kill9() }
            // Idle: nothing to do, so it sits in the sync long-poll.
            try await Task.sleep(for: .seconds(3))
            try scenario.bot.checkAlive()

            let stopped = await scenario.bot.terminate(timeout: .seconds(15))
            #expect(stopped.status == 0)
            #expect(stopped.elapsed < .seconds(5), "exit took \(stopped.elapsed)")
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
