import Foundation

/// A Matrix account the test drives by hand: a supervisor, a student, or the bot's own account.
actor TestUser {
    let userID: String
    let accessToken: String
    let deviceID: String
    let server: Homeserver
    nonisolated var http: MatrixHTTP { server.http }

    /// The sync position; events after it are new.
    var since: String?
    /// Every timeline event seen by `sync`, oldest first, so a wait never misses an earlier arrival.
    var seen: [RoomEvent] = []
    var seenIDs: Set<String> = []
    /// Rooms this user is invited to, with the invite state events.
    var invites: [String: [RoomEvent]] = [:]
    private var txnCounter = 0

    init(userID: String, accessToken: String, deviceID: String, server: Homeserver) {
        self.userID = userID
        self.accessToken = accessToken
        self.deviceID = deviceID
        self.server = server
    }

    /// Registers a new account named `prefix-<random>`, logs it in and takes a first sync position.
    static func register(on server: Homeserver, prefix: String, admin: Bool = false) async throws -> TestUser {
        let localpart = RandomName.localpart(prefix)
        let password = "pw-\(RandomName.suffix())\(RandomName.suffix())"
        try await server.register(localpart: localpart, password: password, admin: admin)
        let user = try await login(on: server, localpart: localpart, password: password)
        try await user.sync(timeout: .zero)
        return user
    }

    /// `POST /login` with a password; a new device each time.
    static func login(on server: Homeserver, localpart: String, password: String) async throws -> TestUser {
        let body: JSON = [
            "type": "m.login.password",
            "identifier": ["type": "m.id.user", "user": .string(localpart)],
            "password": .string(password),
            "initial_device_display_name": "integration test",
        ]
        let answer = try await server.http.request(.post, "/_matrix/client/v3/login", body: body)
        guard let userID = answer["user_id"]?.string, let token = answer["access_token"]?.string else {
            throw HarnessError.badResponse(path: "/login", body: answer.text)
        }
        return TestUser(userID: userID, accessToken: token, deviceID: answer["device_id"]?.string ?? "", server: server)
    }

    /// Calls the client-server API as this user.
    nonisolated func call(
        _ method: MatrixHTTP.Method, _ path: String, query: [String: String] = [:], body: JSON? = nil,
        timeout: Duration = Polling.patience
    ) async throws -> JSON {
        try await http.request(method, path, query: query, body: body, token: accessToken, timeout: timeout)
    }

    /// A transaction id unique to this device, for `PUT /send`.
    func nextTransactionID() -> String {
        txnCounter += 1
        return "it-\(txnCounter)-\(RandomName.suffix())"
    }

    /// Invalidates this user's access token (`POST /logout`).
    func logout() async throws {
        _ = try await call(.post, "/_matrix/client/v3/logout", body: [:])
    }
}
