import Dispatch

/// Lets go of a batch's large working values on a thread of their own. A catch-up batch leaves
/// tens of thousands of small allocations behind (events, their JSON trees, openings, look-up
/// tables); freeing them on the batch's thread holds up the commit and the answers, while the
/// other core is often idle. The values handed over must no longer be used by the caller; values
/// that share storage with ones still in use are safe to hand over (reference counts are atomic).
/// Never hand over anything that holds the store (a `StoreWriter`, a statement, a cursor): its
/// last release would finalize SQLite statements on this thread while the batch's thread uses
/// the same connection.
enum Reclaimer {
    /// One queue, so the frees of successive batches never pile up on every core at once.
    private static let queue = DispatchQueue(label: "peerbot.reclaim", qos: .utility)

    /// Holds a value until the reclaiming thread drops it.
    private final class Held<Value>: @unchecked Sendable {
        // Written once here and read by nobody: the queue only ends its life.
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    /// Drops `value` later on the reclaiming thread instead of now on this one.
    static func release<Value>(_ value: consuming Value) {
        let held = Held(value)
        queue.async { held.value = nil }
    }
}
