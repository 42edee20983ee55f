import Foundation
import Testing

extension BotEngineTests {
    @Suite("Configuration reload")
    struct Reload {
        @Test("SIGHUP: a bad file is refused and the old one stays; a good one applies without a restart")
        func sighupReloadsTheConfiguration() async throws {
            let scenario = try await BotScenario.start(on: .shared(), label: "reload")
            defer { scenario.bot.kill9() }
            let original = try String(contentsOf: scenario.bot.configURL, encoding: .utf8)
            let withoutLanguage = original.split(separator: "\n").filter { !$0.hasPrefix("language:") }.joined(separator: "\n")

            try (withoutLanguage + "\nlanguage: fr\n").write(to: scenario.bot.configURL, atomically: true, encoding: .utf8)
            kill(scenario.bot.pid, SIGHUP)
            _ = try await Polling.until("the bad file refused in the log", timeout: Polling.patience) {
                scenario.bot.log.contains("refused the reloaded configuration") ? true : nil
            }
            let before = try await scenario.groupRoom()
            let danish = try await scenario.reply(to: try await scenario.student.send("!help", in: before), in: before)
            #expect(Wording.looksDanish(danish.body), "the old language did not stay in force: \(danish.body)")

            try (withoutLanguage + "\nlanguage: en\n").write(to: scenario.bot.configURL, atomically: true, encoding: .utf8)
            kill(scenario.bot.pid, SIGHUP)
            _ = try await Polling.until("the reload in the log", timeout: Polling.patience) {
                scenario.bot.log.contains("configuration reloaded") ? true : nil
            }
            let after = try await scenario.groupRoom()
            let english = try await scenario.reply(to: try await scenario.student.send("!help", in: after), in: after)
            #expect(Wording.looksEnglish(english.body), "the new default language is not used: \(english.body)")
            try scenario.bot.checkAlive()
            #expect(scenario.bot.launches == 1, "the bot was restarted")
        }
    }
}
