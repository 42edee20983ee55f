import Foundation
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct ConfigLoading {
    let loader = ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_secret"])

    @Test func aMinimalFileGetsTheDocumentedDefaults() throws {
        let config = try loader.parse("""
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org"]
            """, file: "t.yaml")
        #expect(config.accessToken.value == "syt_secret")
        #expect(config.language == .da)
        #expect(config.timeZone.identifier == "Europe/Copenhagen")
        #expect(config.commandPrefix == "!")
        #expect(config.goalLeadTime == .seconds(86400))
        #expect(config.wrapUpBeforeEnd == .seconds(600))
        #expect(config.evaluationEvery == 3)
        #expect(config.evaluationDeadline == .seconds(72 * 3600))
        #expect(config.databasePath == "/var/lib/peerbot/peerbot.sqlite")
        #expect("\(config.accessToken)" == "<redacted>")
        #expect(config.minAnonymousComments == 2)
        #expect(config.overviewAt == WeeklyTime(weekday: .monday, hour: 8, minute: 0))
        #expect(config.undecryptableAfter == .seconds(300))
    }

    @Test func undecryptableAfterIsADuration() throws {
        let base = """
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org"]

            """
        #expect(try loader.parse(base + "undecryptable_after: 90s\n", file: "t.yaml").undecryptableAfter == .seconds(90))
        do {
            _ = try loader.parse(base + "undecryptable_after: later\n", file: "t.yaml")
            Issue.record("a bad duration must be refused")
        } catch {
            #expect(error.problems.map(\.key) == ["undecryptable_after"])
        }
    }

    @Test func theAssessmentKeysAreReadAndChecked() throws {
        let base = """
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org"]

            """
        let set = try loader.parse(base + "min_anonymous_comments: 3\noverview_at: fredag 14.30\n", file: "t.yaml")
        #expect(set.minAnonymousComments == 3 && set.overviewAt == WeeklyTime(weekday: .friday, hour: 14, minute: 30))
        #expect(try loader.parse(base + "overview_at: off\n", file: "t.yaml").overviewAt == nil)
        do {
            _ = try loader.parse(base + "min_anonymous_comments: 0\noverview_at: someday 25:00\n", file: "t.yaml")
            Issue.record("a bad file must be refused")
        } catch {
            #expect(Set(error.problems.map(\.key)) == ["min_anonymous_comments", "overview_at"])
            #expect(error.description.contains("overview_at: must be a weekday and a time"))
        }
    }

    @Test func everyProblemIsNamedByItsKey() {
        let text = """
            homeserver: matrix.example.org
            user_id: peerbot
            supervisors: ["@ok:hs", "nobody"]
            language: fr
            goal_lead_time: soon
            group_size: 40
            self_assessment: maybe
            colour: blue
            timezone: Mars/Olympus
            """
        do {
            _ = try ConfigLoader(environment: [:]).parse(text, file: "bad.yaml")
            Issue.record("a bad file must be refused")
        } catch {
            let keys = Set(error.problems.map(\.key))
            #expect(keys == ["homeserver", "user_id", "supervisors", "language", "goal_lead_time", "group_size",
                             "self_assessment", "colour", "timezone", "access_token_file"])
            #expect(error.description.contains("goal_lead_time: must be a duration"))
        }
    }

    @Test func missingRequiredKeysAreListed() {
        do {
            _ = try loader.parse("language: en\n", file: "t.yaml")
            Issue.record("must fail")
        } catch {
            #expect(Set(error.problems.map(\.key)) == ["homeserver", "user_id", "supervisors"])
        }
    }

    @Test func theTokenFileIsReadRelativeToTheConfig() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "syt_from_file\n".write(to: dir.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let yaml = """
            homeserver: http://127.0.0.1:8008
            user_id: "@bot:localhost"
            access_token_file: token
            supervisors: ["@sup:localhost"]
            command_prefix: "?"
            supervisor_room: "#vejledere:localhost"
            reflection_model: custom
            reflection_questions: ["Hvad lærte du?"]
            """
        try yaml.write(to: dir.appendingPathComponent("peerbot.yaml"), atomically: true, encoding: .utf8)
        let config = try ConfigLoader(environment: [:]).load(path: dir.appendingPathComponent("peerbot.yaml").path)
        #expect(config.accessToken.value == "syt_from_file")
        #expect(config.commandPrefix == "?")
        #expect(config.supervisorRoom == "#vejledere:localhost")
        #expect(config.reflectionQuestions == ["Hvad lærte du?"])
    }

    @Test func notYAMLIsOneClearProblem() {
        do {
            _ = try loader.parse("homeserver: [unclosed", file: "t.yaml")
            Issue.record("must fail")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].key == "(file)")
        }
    }

    @Test func theExampleFileIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("config/peerbot.example.yaml"), encoding: .utf8)
        let config = try loader.parse(text, file: "example")
        #expect(config.supervisors == ["@vejleder:example.org"])
        #expect(config.minAnonymousComments == 2 && config.overviewAt == WeeklyTime.parse("mon 08:00"))
    }
}

@Suite struct ConfigReloading {
    let base = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("a"), supervisors: ["@s1:hs"],
                         databasePath: "/db", timeZone: ZoneRules.named("Europe/Copenhagen")!)

    @Test func supervisorsLeadTimesAndLanguageChangeInPlace() {
        var new = base
        new.supervisors = ["@s1:hs", "@s2:hs"]
        new.language = .en
        new.goalLeadTime = .seconds(3600)
        let (merged, restart) = base.reloaded(with: new)
        #expect(merged.supervisors == ["@s1:hs", "@s2:hs"])
        #expect(merged.language == .en)
        #expect(merged.goalLeadTime == .seconds(3600))
        #expect(restart.isEmpty)
    }

    @Test func connectionKeysWaitForARestart() {
        var new = base
        new.homeserver = "http://other"
        new.databasePath = "/elsewhere"
        new.accessToken = Secret("b")
        let (merged, restart) = base.reloaded(with: new)
        #expect(merged.homeserver == "http://hs")
        #expect(merged.databasePath == "/db")
        #expect(merged.accessToken == Secret("a"))
        #expect(restart == ["homeserver", "access_token_file", "database"])
    }
}
