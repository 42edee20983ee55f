import Foundation

/// Where the integration tests find the homeserver, the repository and the bot binary.
struct TestEnvironment: Sendable {
    /// Base URL of the shared Synapse started by scripts/test.sh.
    let synapseURL: URL
    /// The script instance name of that Synapse (its config under .local/synapse holds the registration secret).
    let synapseName: String
    let root: URL
    let botBinary: URL
    /// The shared Synapse's port; extra instances use the ports after it (`PEERBOT_TEST_PORT_BASE`).
    let portBase: Int

    static let synapseVariable = "PEERBOT_TEST_SYNAPSE"
    static let rootVariable = "PEERBOT_TEST_ROOT"
    static let binaryVariable = "PEERBOT_BIN"

    private static let runHint = "Run the integration tests through scripts/test.sh, which starts Synapse and sets "
        + "PEERBOT_TEST_SYNAPSE, PEERBOT_TEST_ROOT and PEERBOT_BIN."

    /// Reads the environment; throws (so the test fails, never skips) when something is missing.
    static func current() throws -> TestEnvironment {
        let env = ProcessInfo.processInfo.environment
        guard let synapse = env[synapseVariable], let url = URL(string: synapse), !synapse.isEmpty else {
            print("IntegrationTests: \(synapseVariable) is not set. \(runHint)")
            throw HarnessError.missingEnvironment(variable: synapseVariable, hint: runHint)
        }
        let root = env[rootVariable].map { URL(fileURLWithPath: $0) } ?? rootFromSourcePath()
        guard let binary = env[binaryVariable], !binary.isEmpty else {
            print("IntegrationTests: \(binaryVariable) is not set. \(runHint)")
            throw HarnessError.missingEnvironment(variable: binaryVariable, hint: runHint)
        }
        return TestEnvironment(
            synapseURL: url,
            synapseName: env["PEERBOT_TEST_SYNAPSE_NAME"] ?? "test",
            root: root,
            botBinary: URL(fileURLWithPath: binary),
            portBase: env["PEERBOT_TEST_PORT_BASE"].flatMap(Int.init) ?? url.port ?? 18008
        )
    }

    /// Port of the extra instance number `offset` (1: rate limits, 2: outage, 3: harness self-test).
    func extraPort(_ offset: Int) -> Int { portBase + offset }

    var synapseScript: URL { root.appendingPathComponent("scripts/synapse.sh") }

    /// A fresh folder for one test's files (config, database, logs), kept for reading after a failure.
    func makeWorkDirectory(label: String) throws -> URL {
        let dir = root.appendingPathComponent(".local/integration")
            .appendingPathComponent("\(label)-\(RandomName.suffix())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private static func rootFromSourcePath(_ file: String = #filePath) -> URL {
        // Tests/IntegrationTests/Harness/TestEnvironment.swift -> repository root
        var url = URL(fileURLWithPath: file)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }
}

/// Unique, Matrix-safe names so tests never share users.
enum RandomName {
    static func suffix() -> String {
        String((0..<8).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789".randomElement()! })
    }

    static func localpart(_ prefix: String) -> String { "\(prefix)-\(suffix())" }
}
