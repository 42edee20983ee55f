import Foundation

extension TestUser {
    /// Every event in `roomID` this user may see, oldest first, paging `/messages` back to the start.
    func history(of roomID: String) async throws -> [RoomEvent] {
        let path = "/_matrix/client/v3/rooms/\(MatrixHTTP.segment(roomID))/messages"
        var events: [RoomEvent] = []
        var from: String?
        repeat {
            var query = ["dir": "b", "limit": "500"]
            if let from { query["from"] = from }
            let page = try await call(.get, path, query: query)
            let chunk = page["chunk"]?.array ?? []
            events.append(contentsOf: chunk.map { RoomEvent(roomID: roomID, raw: $0) })
            let end = page["end"]?.string
            from = (chunk.isEmpty || end == from) ? nil : end
        } while from != nil
        return events.reversed()
    }

    /// All `m.room.message` events in `roomID` sent by `sender`, oldest first.
    func messages(in roomID: String, from sender: String) async throws -> [RoomEvent] {
        try await history(of: roomID).filter { $0.isMessage && $0.sender == sender }
    }

    /// The messages `sender` posted in reply to each of `eventIDs` (a missing key means no reply).
    func replies(in roomID: String, from sender: String, to eventIDs: [String]) async throws -> [String: [RoomEvent]] {
        let wanted = Set(eventIDs)
        var byCommand: [String: [RoomEvent]] = [:]
        for message in try await messages(in: roomID, from: sender) {
            guard let target = message.inReplyTo, wanted.contains(target) else { continue }
            byCommand[target, default: []].append(message)
        }
        return byCommand
    }
}
