import Foundation
import PeerBotStore

/// The events a batch has claimed as handled, written to the store in one statement per room
/// just before the sync token.
///
/// A claim is what marking an event processed used to be inside the event's own savepoint: the
/// first claim of an id wins and every later one (a second copy in the batch, an id the store
/// already holds) is refused. Keeping the marks out of the savepoints leaves each savepoint with
/// only what its event changed, so an event without effect writes no page until the batch ends.
/// A savepoint that is undone undoes its claims too (`undo(to:)`), as it undid the mark.
final class ProcessedMarks {
    private var claimed: Set<String> = []
    /// In claim order, so undoing a savepoint drops exactly its own claims.
    private var pending: [(eventID: String, roomID: String)] = []

    /// Makes room for `count` more claims at once, so a catch-up's thousands of events do not
    /// grow the set step by step (each step hashes every id again).
    func reserve(_ count: Int) {
        claimed.reserveCapacity(claimed.count + count)
        pending.reserveCapacity(pending.count + count)
    }

    /// Where the claims stand now; `undo(to:)` comes back here.
    var checkpoint: Int { pending.count }

    /// Claims `eventID` for this batch. `stored` says whether the store already marks it, when
    /// that was read ahead for the whole timeline (`nil`: ask the store now).
    /// - returns: false if the store or an earlier claim of the batch already has it.
    func claim(_ eventID: String, roomID: String, stored: Bool?, in writer: StoreWriter) throws -> Bool {
        guard !claimed.contains(eventID) else { return false }
        if try stored ?? writer.sync.isProcessed(eventID: eventID) { return false }
        claimed.insert(eventID)
        pending.append((eventID, roomID))
        return true
    }

    /// Forgets the claims made after `checkpoint`: their savepoint was undone.
    func undo(to checkpoint: Int) {
        guard checkpoint < pending.count else { return }
        for claim in pending[checkpoint...] { claimed.remove(claim.eventID) }
        pending.removeSubrange(checkpoint...)
    }

    /// Writes every claim, one statement per run of claims in one room (the router claims a
    /// room's timeline together), and starts over empty.
    func write(to writer: StoreWriter, at date: Date) throws {
        var start = pending.startIndex
        while start < pending.endIndex {
            let roomID = pending[start].roomID
            let end = pending[start...].firstIndex { $0.roomID != roomID } ?? pending.endIndex
            try writer.sync.markProcessed(eventIDs: pending[start ..< end].map(\.eventID), roomID: roomID, at: date)
            start = end
        }
        claimed = []
        pending = []
    }
}
