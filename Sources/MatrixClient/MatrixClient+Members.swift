import Foundation

extension MatrixClient {
    /// The room's current members who have not left, `user id → membership` (join, invite, ban,
    /// knock), from `GET /rooms/{roomId}/members?not_membership=leave`.
    public func roomMembers(roomID: String) async throws -> [String: String] {
        let path = "/_matrix/client/v3/rooms/\(Self.encode(roomID))/members?not_membership=leave"
        let answer = try await call("GET", path, as: JSONValue.self)
        var members: [String: String] = [:]
        for event in answer["chunk"]?.arrayValue ?? [] where event["type"]?.stringValue == "m.room.member" {
            guard let userID = event["state_key"]?.stringValue, let membership = event["content"]?["membership"]?.stringValue else { continue }
            members[userID] = membership
        }
        return members
    }
}
