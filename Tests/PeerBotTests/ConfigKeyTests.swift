import Foundation
import PeerLearning
import Testing
@testable import PeerBot

/// The key declarations are the one source of the reader, the example file and the key table.
@Suite struct ConfigKeyDeclarations {
    let loader = ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_secret"])
    let head = """
        homeserver: https://matrix.example.org
        user_id: "@peerbot:example.org"
        supervisors: ["@sup:example.org"]

        """
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExampleFileIsWhatTheDeclarationsProduce() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("config/peerbot.example.yaml"), encoding: .utf8)
        // On a difference: `peerbot config-example > config/peerbot.example.yaml`.
        #expect(file == ConfigExample.yaml())
    }

    @Test func theAdminGuideTableIsWhatTheDeclarationsProduce() throws {
        let guide = try String(contentsOf: Self.root.appendingPathComponent("docs/admin-guide.md"), encoding: .utf8)
        // On a difference: paste `peerbot config-example --markdown` into section 7.
        #expect(guide.contains(ConfigExample.markdownTable()))
    }

    @Test func everyKeyIsDeclaredOnceAndDocumented() {
        let names = ConfigKey.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(ConfigLoader.knownKeys == Set(names))
        let example = ConfigExample.yaml()
        for key in ConfigKey.all {
            #expect(example.contains("\n\(key.name):") || example.contains("\n# \(key.name):"), "\(key.name) missing from the example")
            #expect(!key.meaning.isEmpty && !key.comment.isEmpty, "\(key.name) has no documentation")
            #expect(!key.meaning.contains("|") && !key.meaning.contains("\n"), "\(key.name) would break the table")
        }
    }

    @Test func writingEveryDefaultOutChangesNothing() throws {
        let declared = ConfigKey.all.compactMap { key in key.defaultText.map { "\(key.name): \"\($0)\"" } }
        #expect(declared.count >= 15)
        let implicit = try loader.parse(head, file: "t.yaml")
        let explicit = try loader.parse(head + declared.joined(separator: "\n") + "\n", file: "t.yaml")
        #expect(describe(implicit) == describe(explicit))
        #expect(implicit.sessionReminder == .seconds(SessionTimeline.defaultReminderBefore))
        #expect(implicit.timeZone.identifier == "Europe/Copenhagen")
    }

    @Test func theExampleFileReadsAsTheDefaults() throws {
        let example = try loader.parse(ConfigExample.yaml(), file: "example")
        let minimal = try loader.parse(head.replacingOccurrences(of: "@sup:example.org", with: "@vejleder:example.org"), file: "t.yaml")
        #expect(describe(example) == describe(minimal))
    }

    @Test func aRefusedWordNamesTheAcceptedOnes() {
        let cases = [
            ("language: fr", "language: must be da or en, got \"fr\""),
            ("reflection_model: kolb", "reflection_model: must be rolfe, gibbs or custom, got \"kolb\""),
            ("patient_guard: sometimes", "patient_guard: must be redact, mask or off, got \"sometimes\""),
            ("log_level: loud", "log_level: must be one of trace, debug, info, notice, warning, error, critical"),
            ("group_size: 13", "group_size: must be a whole number from 2 to 12, got \"13\""),
            ("retention_days: 0", "retention_days: must be a whole number from 1 to 36500, got \"0\""),
            ("join_grace: []", "join_grace: must be a single value"),
        ]
        for (line, sentence) in cases {
            do {
                _ = try loader.parse(head + line + "\n", file: "t.yaml")
                Issue.record("\(line) must be refused")
            } catch {
                #expect(error.problems.map(\.description) == [sentence])
            }
        }
    }

    @Test func theReaderReadsEveryKeyOfAPlainKindIntoTheFieldItShows() throws {
        // encrypt_rooms: true needs a pickle key.
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("pickle-\(UUID().uuidString)")
        try Data(repeating: 7, count: 32).write(to: keyFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        defer { try? FileManager.default.removeItem(at: keyFile) }
        let head = self.head + "pickle_key_file: \(keyFile.path)\n"
        for key in ConfigKey.all {
            let other: String, refused: String
            switch key.kind {
            case .integer(let range):
                other = "\(key.defaultText == "\(range.upperBound)" ? range.lowerBound : range.upperBound)"
                refused = "\(range.upperBound + 1)"
            case .duration: (other, refused) = ("7m", "later")
            case .bool: (other, refused) = (key.defaultText == "true" ? "false" : "true", "maybe")
            case .choice(let words, _): (other, refused) = (words.first { $0 != key.defaultText } ?? words[0], "zzz")
            case .custom: continue
            }
            #expect(key.field != nil, "\(key.name) is of a plain kind but declares no field to be read into")
            let read = try loader.parse(head + "\(key.name): \(other)\n", file: "t.yaml")
            #expect(key.shown(read) == other, "\(key.name): \(other) was not read into the field it shows")
            do {
                _ = try loader.parse(head + "\(key.name): \(refused)\n", file: "t.yaml")
                Issue.record("\(key.name): \(refused) must be refused")
            } catch {
                #expect(error.problems.map(\.key) == [key.name])
            }
        }
    }

    @Test func whatAReloadKeepsIsDeclaredAsNeedingARestart() {
        let base = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("a"), supervisors: ["@s:hs"],
                             databasePath: "/db", timeZone: .utc)
        var new = base
        new.homeserver = "http://other"
        new.userID = "@other:hs"
        new.accessToken = Secret("b")
        new.databasePath = "/elsewhere"
        new.supervisorRoom = "#x:hs"
        let named = base.reloaded(with: new).needRestart
        let restart = Set(ConfigKey.all.filter { $0.reload == .restart }.map(\.name))
        #expect(named.count == 5 && Set(named).isSubset(of: restart))
        #expect(ConfigKey.named("supervisors")?.reload == .live)
    }

    /// The settings a user would notice, one comparable text.
    private func describe(_ c: BotConfig) -> String {
        "\(c.language) \(c.timeZone.identifier) \(c.commandPrefix) \(c.supervisorRoom ?? "-") \(c.groupSize) \(c.goalLeadTime) "
            + "\(c.sessionReminder) \(c.wrapUpBeforeEnd) \(c.reflectionModel) \(c.reflectionQuestions) \(c.reflectionDeadline) "
            + "\(c.evaluationEvery) \(c.evaluationDeadline) \(c.selfAssessment) \(c.joinGrace) \(c.encryptRooms) "
            + "\(c.pickleKeyFile ?? "-") \(c.undecryptableAfter) \(c.retentionDays ?? -1) \(c.logLevel) \(c.patientGuard) "
            + "\(c.patientGuardPatterns) \(c.minAnonymousComments) \(String(describing: c.overviewAt)) \(c.supervisors) \(c.databasePath)"
    }
}

/// `check-config --settings`: every key with the value in force.
@Suite struct ConfigSettingsReport {
    let loader = ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_secret"])

    @Test func everyKeyIsShownWithItsDefaultsAndRestartsMarked() throws {
        let config = try loader.parse("""
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org", "@sup2:example.org"]
            group_size: 5
            reflection_deadline: 1h30m
            overview_at: fredag 14.30
            log_level: debug
            """, file: "t.yaml")
        let lines = config.settings
        #expect(lines.count == ConfigKey.all.count)
        #expect(lines.contains("homeserver: https://matrix.example.org  [restart]"))
        #expect(lines.contains("supervisors: @sup:example.org, @sup2:example.org"))
        #expect(lines.contains("group_size: 5"))
        #expect(lines.contains("reflection_deadline: 1h30m"))
        #expect(lines.contains("overview_at: fri 14:30"))
        #expect(lines.contains("log_level: debug  [restart]"))
        #expect(lines.contains("goal_lead_time: 24h  [default]"))
        #expect(lines.contains("timezone: Europe/Copenhagen  [default]"))
        #expect(lines.contains("retention_days: (keep)  [default]"))
        #expect(lines.contains("supervisor_room: (created on first start)  [default, restart]"))
        #expect(lines.contains("access_token_file: <redacted>  [restart]"))
        #expect(!lines.joined().contains("syt_secret"))
    }

    @Test func eachDeclaredDefaultIsShownAsItIsWritten() throws {
        let config = try loader.parse("""
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org"]
            """, file: "t.yaml")
        for key in ConfigKey.all {
            guard let text = key.defaultText else { continue }
            #expect(key.shown(config) == text, "\(key.name)")
        }
        #expect(ConfigKey.durationText(.seconds(0)) == "0" && ConfigKey.durationText(.seconds(90061)) == "25h1m1s")
    }
}
