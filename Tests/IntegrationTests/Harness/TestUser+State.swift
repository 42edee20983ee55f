import Foundation

extension TestUser {
    /// The content of one state event, or nil when the room has none of that type and key.
    func state(_ type: String, key: String = "", in roomID: String) async throws -> JSON? {
        let path = "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/state/\(MatrixHTTP.segment(type))/"
            + MatrixHTTP.segment(key)
        do {
            return try await call(.get, path)
        } catch let error as HarnessError where error.errcode == "M_NOT_FOUND" {
            return nil
        }
    }

    /// Everyone with a membership in `roomID` (`join`, `invite`, `leave` …), by user id.
    func memberships(in roomID: String) async throws -> [String: String] {
        let answer = try await call(.get, "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/members")
        var result: [String: String] = [:]
        for event in answer["chunk"]?.array ?? [] {
            guard let user = event["state_key"]?.string, let membership = event["content"]?["membership"]?.string
            else { continue }
            result[user] = membership
        }
        return result
    }

    /// The `m.room.create` content's room version (absent means version 1).
    func roomVersion(of roomID: String) async throws -> String? {
        try await state("m.room.create", in: roomID)?["room_version"]?.string
    }
}
