import Foundation

/// A Synapse instance managed by scripts/synapse.sh: the shared one from the environment, or an
/// extra named one a test starts itself (rate-limit and outage tests).
struct Homeserver: Sendable {
    /// Every instance the script creates uses this server name.
    static let serverName = "localhost"

    let name: String
    let port: Int
    let tight: Bool
    let environment: TestEnvironment
    /// Synapse's own default limits for messages and room creation (`--default-limits`).
    var defaultLimits = false

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var http: MatrixHTTP { MatrixHTTP(baseURL: baseURL) }

    /// The Synapse that scripts/test.sh started (`PEERBOT_TEST_SYNAPSE`).
    static func shared() throws -> Homeserver {
        let environment = try TestEnvironment.current()
        return Homeserver(
            name: environment.synapseName,
            port: environment.synapseURL.port ?? 8008,
            tight: false,
            environment: environment
        )
    }

    /// Starts (or reuses) the named instance; `tight` gives it a strict message rate limit.
    static func start(name: String, port: Int, tight: Bool = false) async throws -> Homeserver {
        let server = Homeserver(name: name, port: port, tight: tight, environment: try TestEnvironment.current())
        try await server.start()
        return server
    }

    /// Runs `body` with an extra instance and stops that instance afterwards, also on failure.
    static func withInstance<T: Sendable>(
        name: String, port: Int, tight: Bool = false, defaultLimits: Bool = false, _ body: (Homeserver) async throws -> T
    ) async throws -> T {
        var server = Homeserver(name: name, port: port, tight: tight, environment: try TestEnvironment.current())
        server.defaultLimits = defaultLimits
        try await server.start()
        do {
            let value = try await body(server)
            try await server.stop()
            return value
        } catch {
            try? await server.stop()
            throw error
        }
    }

    /// Starts this instance again after `stop()`, with the same settings and database.
    func start() async throws {
        var arguments = ["start", name, String(port)]
        if tight { arguments.append("--tight") }
        if defaultLimits { arguments.append("--default-limits") }
        try await Shell.check(environment.synapseScript, arguments)
    }

    func stop() async throws {
        try await Shell.check(environment.synapseScript, ["stop", name])
    }

    /// Whether `GET /_matrix/client/versions` answers. A stopped instance refuses the connection
    /// at once; a running one on busy cores may take a while, so the wait is long.
    func isAnswering() async -> Bool {
        var quick = http
        quick.rateLimitPatience = .zero
        return (try? await quick.request(.get, "/_matrix/client/versions", timeout: Polling.patience)) != nil
    }

    /// Registers an account through the shared secret (an existing one is accepted) and returns its user id.
    @discardableResult
    func register(localpart: String, password: String, admin: Bool = false) async throws -> String {
        try await registerWithSharedSecret(localpart: localpart, password: password, admin: admin)
        return "@\(localpart):\(Self.serverName)"
    }
}
