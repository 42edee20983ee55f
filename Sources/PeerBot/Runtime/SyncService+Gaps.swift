import Foundation
import MatrixClient
import PeerBotStore

extension SyncService {
    /// For managed rooms whose timeline came back cut, pages back with `/messages` until it
    /// reaches an event already handled, the bot's own join, or an event sent before the oldest
    /// event ids the bot still remembers (housekeeping forgets them after 30 days, so anything
    /// that old counts as seen: a month-old command never runs again). Returns the missing
    /// events, oldest first.
    func fillGaps(_ sync: SyncResponse, now: Date = Date()) async throws -> [String: [ClientEvent]] {
        var missing: [String: [ClientEvent]] = [:]
        let botUserID = config.current.userID
        let horizon = Self.gapHorizon(now: now)
        for (roomID, joined) in sync.rooms.join where joined.timeline.limited {
            guard var from = joined.timeline.prevBatch, try database.read({ try $0.rooms.find(id: roomID) }) != nil else { continue }
            var older: [ClientEvent] = []
            pages: for _ in 0..<20 {
                let page = try await client.messages(roomID: roomID, from: from, limit: 100)
                let chunk = page.chunk
                let firstSeen = try database.read { reader in try chunk.firstIndex { try reader.sync.isProcessed(eventID: $0.eventID) } }
                for (index, event) in chunk.enumerated() {
                    if index == firstSeen || event.originServerTS < horizon { break pages }
                    older.append(event)
                    if event.isJoin(of: botUserID) { break pages }
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

    /// Milliseconds since 1970 before which events are taken as handled: a day inside the
    /// housekeeping's 30 days, so an event id is always still remembered at that age.
    static func gapHorizon(now: Date) -> Int64 {
        Int64((now.timeIntervalSince1970 - Housekeeping.keep + 86_400) * 1000)
    }
}
