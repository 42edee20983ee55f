import Foundation
import Testing
@testable import PeerBot

@Suite struct LoginConfigurationChoice {
    @Test func loginReadsTheNamedConfigurationElseTheDaemonsDefaultWhenItExists() {
        let none: (String) -> Bool = { _ in false }
        let all: (String) -> Bool = { _ in true }
        #expect(LoginConfiguration.path(explicit: "/srv/bot.yaml", environment: [:], exists: none) == "/srv/bot.yaml")
        #expect(LoginConfiguration.path(explicit: nil, environment: [:], exists: all) == "/etc/peerbot/peerbot.yaml")
        #expect(LoginConfiguration.path(explicit: nil, environment: [:], exists: none) == nil)
        #expect(LoginConfiguration.path(explicit: nil, environment: ["PEERBOT_CONFIG": "/opt/p.yaml"], exists: { $0 == "/opt/p.yaml" })
            == "/opt/p.yaml")
        #expect(LoginConfiguration.path(explicit: nil, environment: ["PEERBOT_CONFIG": ""], exists: { $0 == "/etc/peerbot/peerbot.yaml" })
            == "/etc/peerbot/peerbot.yaml")
    }

    @Test func outsideTheServiceTheCredentialFolderIsTheConfigurationsFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("login-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("pickle_key").path
        #expect(FileManager.default.createFile(atPath: key, contents: Data(repeating: 7, count: 32), attributes: [.posixPermissions: 0o600]))
        let configPath = dir.appendingPathComponent("peerbot.yaml").path
        let text = """
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org"]
            pickle_key_file: ${CREDENTIALS_DIRECTORY}/pickle_key

            """
        let environment = LoginConfiguration.environment(configPath: configPath, token: "syt_new", base: ["STATE_DIRECTORY": "/tmp/s"])
        let config = try ConfigLoader(environment: environment).parse(text, file: configPath)
        #expect(config.pickleKeyFile == key)
        #expect(config.accessToken.value == "syt_new")
        #expect(config.databasePath == "/tmp/s/peerbot.sqlite")
        // Inside the service systemd's own folder wins.
        let inService = LoginConfiguration.environment(configPath: configPath, token: "t", base: ["CREDENTIALS_DIRECTORY": "/run/creds"])
        #expect(inService["CREDENTIALS_DIRECTORY"] == "/run/creds")
    }

    @Test func aTokenFileNotYetWrittenIsNoReasonToRefuseButOtherProblemsAre() {
        let missing = ConfigError(file: "/x", problems: [ConfigProblem(key: "access_token_file", message: "cannot read /x/t")])
        let more = ConfigError(file: "/x", problems: missing.problems + [ConfigProblem(key: "supervisors", message: "is required")])
        #expect(LoginConfiguration.onlyTokenFileMissing(missing))
        #expect(!LoginConfiguration.onlyTokenFileMissing(more))
        #expect(!LoginConfiguration.onlyTokenFileMissing(ConfigError(file: "/x", problems: [])))
    }

    @Test func aLoginAsAnotherDeviceThanTheDatabasesIsRefusedWithTheWayOut() throws {
        #expect(LoginConfiguration.deviceConflict(stored: nil, requested: nil) == nil)
        #expect(LoginConfiguration.deviceConflict(stored: "ABC", requested: "ABC") == nil)
        let refusal = try #require(LoginConfiguration.deviceConflict(stored: "ABC", requested: nil))
        #expect(refusal.contains("--device-id ABC"))
        #expect(LoginConfiguration.deviceConflict(stored: "ABC", requested: "XYZ") != nil)
    }
}
