import Foundation
import MatrixClient

/// The encrypted room of the latency benchmark: made by the supervisor with `m.room.encryption`,
/// joined by the bot and the student, whose device has shared its room key with the bot's.
struct EncryptedBenchRoom: Sendable {
    let roomID: String
    let device: EncryptedBenchDevice

    /// Publishes the student's device keys before the room exists, so the bot finds them when the
    /// student joins, then shares the student's Megolm key with the bot's devices.
    static func prepare(plain room: BenchRoom, botUserID: String) async throws -> EncryptedBenchRoom {
        let device = EncryptedBenchDevice(client: room.student, userID: room.studentID, deviceID: room.studentDeviceID)
        try await device.publishKeys()
        var request = CreateRoomRequest(name: "peerbot latency bench (encrypted)", invite: [botUserID, room.studentID])
        request.initialState = [(type: "m.room.encryption", stateKey: "", content: ["algorithm": "m.megolm.v1.aes-sha2"])]
        let roomID = try await room.supervisor.createRoom(request)
        try await room.student.join(roomID)
        try await BenchRoom.waitForMembers([botUserID, room.studentID], in: roomID, asking: room.supervisor)
        try await device.shareRoomKey(roomID: roomID, with: botUserID)
        return EncryptedBenchRoom(roomID: roomID, device: device)
    }

    /// Sends `body` as an encrypted `m.text` from the student; returns the event id.
    func send(_ body: String) async throws -> String {
        let content = ClientJSON.object(MessageContent.message(body: body, msgtype: "m.text"))
        let encrypted = try await device.encrypt(roomID: roomID, type: "m.room.message", content: content)
        return try await device.client.send(roomID: roomID, eventType: "m.room.encrypted", txnID: "bench.\(UUID().uuidString)", content: encrypted)
    }
}
