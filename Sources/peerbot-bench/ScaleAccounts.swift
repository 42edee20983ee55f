import Foundation
import MatrixClient

/// The accounts of one faculty-scale run, made through Synapse's admin API by a server admin:
/// a bot, a supervisor and the students, all new (names carry the run's tag), so nothing of an
/// earlier run is in their rooms.
struct ScaleAccounts: Sendable {
    let base: MatrixClient
    let admin: MatrixClient
    let serverName: String
    let tag: String
    let password: String

    var botLocalpart: String { "scalebot\(tag)" }
    var botUserID: String { "@\(botLocalpart):\(serverName)" }
    var supervisorLocalpart: String { "scalesup\(tag)" }
    var supervisorUserID: String { "@\(supervisorLocalpart):\(serverName)" }
    func studentUserID(_ index: Int) -> String { "@scale\(tag)s\(index):\(serverName)" }

    /// Logs the admin in; the tag is random, so runs on one homeserver never share an account.
    static func open(base: MatrixClient, admin credentials: Credentials) async throws -> ScaleAccounts {
        let answer = try await base.login(user: credentials.user, password: credentials.password, displayName: "peerbot-bench scale")
        guard let colon = answer.userID.firstIndex(of: ":") else { throw BenchError.unexpected("odd admin user id \(answer.userID)") }
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return ScaleAccounts(base: base, admin: base.with(accessToken: answer.accessToken), serverName: String(answer.userID[answer.userID.index(after: colon)...]),
                             tag: tag, password: "scale-\(UUID().uuidString)")
    }

    /// Registers the bot, the supervisor and `students` students, eight requests at a time.
    func register(students: Int) async throws {
        let users = [botUserID, supervisorUserID] + (0..<students).map(studentUserID)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let userID = users[next]
                next += 1
                group.addTask { try await self.create(userID) }
            }
            while next < min(8, users.count) { add() }
            while try await group.next() != nil {
                if next < users.count { add() }
            }
        }
    }

    private func create(_ userID: String) async throws {
        let body: ClientJSON = ["password": .string(password), "displayname": .string(String(userID.dropFirst().prefix { $0 != ":" }))]
        _ = try await admin.call("PUT", "/_synapse/admin/v2/users/\(MatrixClient.encode(userID))", json: body)
    }

    /// Lifts the bot's message and room-creation limits, as docs/admin-guide.md (section 2) says.
    func liftBotLimits() async throws {
        let body: ClientJSON = ["messages_per_second": 0, "burst_count": 0]
        _ = try await admin.call("POST", "/_synapse/admin/v1/users/\(MatrixClient.encode(botUserID))/override_ratelimit", json: body)
    }

    /// A client logged in as `localpart`.
    func login(_ localpart: String) async throws -> MatrixClient {
        let answer = try await base.login(user: localpart, password: password, displayName: "peerbot-bench scale")
        return base.with(accessToken: answer.accessToken)
    }

    /// The roster file: every student with a name.
    func rosterCSV(students: Int) -> String {
        var lines = ["matrix_id,name"]
        for index in 0..<students { lines.append("\(studentUserID(index)),Student \(index)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
