import Foundation
import Testing

/// BotProcess's process control, checked with a stand-in daemon (a shell script) instead of peerbot.
@Suite("Bot process control")
struct BotProcessSelfTests {
    private func standIn(_ body: String) throws -> URL {
        let env = try TestEnvironment.current()
        let script = try env.makeWorkDirectory(label: "stand-in").appendingPathComponent("stand-in.sh")
        try ("#!/bin/sh\n" + body + "\n").write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    @Test("config, token file, start, SIGTERM, restart and SIGKILL")
    func lifecycle() async throws {
        let server = try Homeserver.shared()
        let script = try standIn("""
            trap 'echo "stand-in stopping"; exit 0' TERM
            while read -r line; do case "$line" in SigBlk*) echo "$line";; esac; done < /proc/$$/status
            echo "stand-in args: $*"
            while :; do sleep 0.1; done
            """)
        let bot = try await BotProcess.prepare(
            on: server, supervisors: ["@sup-a:localhost", "@sup-b:localhost"], language: "en", binary: script)
        defer { bot.kill9() }

        let config = try String(contentsOf: bot.configURL, encoding: .utf8)
        #expect(config.contains("homeserver: \"\(server.baseURL.absoluteString)\""))
        #expect(config.contains("user_id: \"\(bot.userID)\""))
        #expect(config.contains("  - \"@sup-b:localhost\""))
        #expect(config.contains("log_level: debug"))
        let attributes = try FileManager.default.attributesOfItem(atPath: bot.tokenURL.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let token = try String(contentsOf: bot.tokenURL, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let whoami = try await server.http.request(.get, "/_matrix/client/v3/account/whoami", token: token)
        #expect(whoami["user_id"]?.string == bot.userID)

        try bot.start()
        #expect(bot.isRunning)
        _ = try await Polling.until("the stand-in's first line", timeout: Polling.patience) {
            bot.log.contains("stand-in args: run --config \(bot.configURL.path)") ? true : nil
        }
        // The daemon must start with no blocked signals, or a SIGTERM test would prove nothing.
        #expect(bot.log.contains("SigBlk:\t0000000000000000"))
        let stopped = await bot.terminate()
        #expect(stopped.status == 0)
        // A measured exit, not the wait's end: how long busy cores make it take is no property of the harness.
        #expect(stopped.elapsed > .zero && stopped.elapsed < Polling.patience, "terminate measured \(stopped.elapsed)")
        #expect(bot.log.contains("stand-in stopping"))
        #expect(throws: HarnessError.self) { try bot.checkAlive() }

        try await bot.restart()
        #expect(bot.isRunning)
        #expect(bot.launches == 2)
        try await bot.kill9AndWait()
        #expect(bot.exitStatus == 128 + SIGKILL)
    }

    @Test("an exit status is reported")
    func exitStatus() async throws {
        let server = try Homeserver.shared()
        let script = try standIn("echo 'token rejected' >&2; exit 78")
        let bot = try await BotProcess.launch(on: server, supervisors: [], binary: script)
        defer { bot.kill9() }
        #expect(await bot.waitForExit(timeout: Polling.patience) == 78)
        #expect(bot.log.contains("token rejected"))
    }
}
