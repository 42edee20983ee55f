/// The direct rooms waiting to be added to the bot's `m.direct` account data. The document is
/// read, changed and written whole, so two writers at once would lose each other's rooms: one
/// update runs at a time, and rooms noted meanwhile go together in the next one (a faculty's
/// thousand direct rooms take a few dozen writes, not a thousand ever larger ones).
actor DirectRoomBook {
    /// (student, room) pairs not yet written, in the order the rooms were made.
    private var pending: [(userID: String, roomID: String)] = []
    private var writing: Task<Void, any Error>?
    /// The update each pair taken from `pending` is in, while it runs: a caller whose room went
    /// into an update another caller started gets that update's outcome, not an earlier one's.
    private var holders: [String: Task<Void, any Error>] = [:]

    /// Returns once an update holding the room has been written; throws when that update failed.
    /// `write` gets every pair waiting and adds those the document lacks.
    func remember(_ roomID: String, with userID: String,
                  write: @escaping @Sendable ([(userID: String, roomID: String)]) async throws -> Void) async throws {
        pending.append((userID, roomID))
        let key = Self.key(userID, roomID)
        while true {
            if let holder = holders[key] { return try await holder.value }
            // Neither waiting nor in an update: an update that has ended wrote it.
            guard isPending(roomID, userID) else { return }
            if let writing {
                _ = await writing.result
                continue
            }
            let batch = pending
            pending = []
            let task = Task { try await self.run(batch, write) }
            writing = task
            for pair in batch { holders[Self.key(pair.userID, pair.roomID)] = task }
            return try await task.value
        }
    }

    /// One update; on failure its rooms wait for the next one (a room's creation is retried too).
    private func run(_ batch: [(userID: String, roomID: String)],
                     _ write: @Sendable ([(userID: String, roomID: String)]) async throws -> Void) async throws {
        defer {
            writing = nil
            for pair in batch { holders[Self.key(pair.userID, pair.roomID)] = nil }
        }
        do {
            try await write(batch)
        } catch {
            pending = batch + pending
            throw error
        }
    }

    /// How many rooms wait for the next update.
    var waiting: Int { pending.count }

    private static func key(_ userID: String, _ roomID: String) -> String { userID + "|" + roomID }

    private func isPending(_ roomID: String, _ userID: String) -> Bool {
        pending.contains { $0.roomID == roomID && $0.userID == userID }
    }
}
