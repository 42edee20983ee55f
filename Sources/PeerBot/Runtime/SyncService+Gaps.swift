import Foundation
import MatrixClient
import PeerBotStore

extension SyncService {
    /// For managed rooms whose timeline came back cut, pages back with `/messages` until it
    /// reaches an event already handled or the bot's own join; returns the missing events, oldest first.
    func fillGaps(_ sync: SyncResponse) async throws -> [String: [ClientEvent]] {
        var missing: [String: [ClientEvent]] = [:]
        let botUserID = config.current.userID
        for (roomID, joined) in sync.rooms.join where joined.timeline.limited {
            guard var from = joined.timeline.prevBatch, try database.read({ try $0.room(id: roomID) }) != nil else { continue }
            var older: [ClientEvent] = []
            pages: for _ in 0..<20 {
                let page = try await client.messages(roomID: roomID, from: from, limit: 100)
                let chunk = page.chunk
                let firstSeen = try database.read { reader in try chunk.firstIndex { try reader.isProcessed(eventID: $0.eventID) } }
                for (index, event) in chunk.enumerated() {
                    if index == firstSeen { break pages }
                    older.append(event)
                    if event.type == "m.room.member", event.stateKey == botUserID, event.content["membership"]?.stringValue == "join" { break pages }
                }
                guard let end = page.end, !page.chunk.isEmpty else { break }
                from = end
            }
            if !older.isEmpty {
                missing[roomID] = older.reversed()
                logger.info("filled a cut timeline", metadata: ["room": "\(roomID)", "events": "\(older.count)"])
            }
        }
        return missing
    }
}
