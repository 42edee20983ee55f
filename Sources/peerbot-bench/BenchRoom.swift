import Foundation
import MatrixClient

/// The private room of the latency benchmark: made by the supervisor, joined by the bot,
/// the student and the peer.
struct BenchRoom: Sendable {
    let roomID: String
    let student: MatrixClient
    let peer: MatrixClient
    let supervisor: MatrixClient
    let studentID: String
    let studentDeviceID: String

    static let joinTimeout: Duration = .seconds(60)

    /// Logs the three people in, creates the room with the invites and waits for everyone to join.
    static func prepare(base: MatrixClient, botUserID: String, supervisor: Credentials, student: Credentials,
                        peer: Credentials) async throws -> BenchRoom {
        let (supervisorClient, _, _) = try await login(base, supervisor)
        let (studentClient, studentID, studentDevice) = try await login(base, student)
        let (peerClient, peerID, _) = try await login(base, peer)
        let roomID = try await supervisorClient.createRoom(CreateRoomRequest(
            name: "peerbot latency bench", invite: [botUserID, studentID, peerID]))
        try await studentClient.join(roomID)
        try await peerClient.join(roomID)
        try await waitForMembers([botUserID, studentID, peerID], in: roomID, asking: supervisorClient)
        return BenchRoom(roomID: roomID, student: studentClient, peer: peerClient, supervisor: supervisorClient,
                         studentID: studentID, studentDeviceID: studentDevice)
    }

    private static func login(_ base: MatrixClient, _ credentials: Credentials) async throws -> (MatrixClient, String, String) {
        let answer = try await base.login(user: credentials.user, password: credentials.password, displayName: "peerbot-bench")
        return (base.with(accessToken: answer.accessToken), answer.userID, answer.deviceID)
    }

    /// Polls the joined members until all of `userIDs` are in: the bot joins on its own time.
    static func waitForMembers(_ userIDs: [String], in roomID: String, asking client: MatrixClient) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + joinTimeout
        let path = "/_matrix/client/v3/rooms/\(MatrixClient.encode(roomID))/joined_members"
        while true {
            let answer = try await client.call("GET", path, as: JSONValue.self)
            let joined = Set(answer["joined"]?.objectValue?.keys.map { $0 } ?? [])
            let missing = userIDs.filter { !joined.contains($0) }
            if missing.isEmpty { return }
            guard clock.now < deadline else {
                throw BenchError.timeout("\(missing.joined(separator: ", ")) to join \(roomID) (is the bot running, with the supervisor in its config?)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
