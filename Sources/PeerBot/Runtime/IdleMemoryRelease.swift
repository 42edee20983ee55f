#if canImport(CMalloc)
import CMalloc
#endif
import PeerBotStore
import ServiceLifecycle
import Synchronization

/// After a quiet spell, gives back the memory a busy spell left behind: SQLite's page caches and
/// idle reader connections, the allocator's free pages, and the pages of code and constant data
/// mapped from the binary and the libraries (`UnmodifiedFileMappings`). A bot spends most of its life
/// waiting on a long-poll, so what it needs while waiting is what it keeps resident.
final class IdleMemoryRelease: Service, Sendable {
    let database: AppDatabase
    /// How long after the last sync batch with events the memory is given back.
    let quiet: Duration
    private let state: Mutex<State>

    struct State {
        var lastActivity: ContinuousClock.Instant
        var released = false
    }

    init(database: AppDatabase, quiet: Duration = .seconds(5), now: ContinuousClock.Instant = .now) {
        self.database = database
        self.quiet = quiet
        state = Mutex(State(lastActivity: now))
    }

    /// A batch brought events: the caches are in use again, and the next quiet spell releases them.
    func noteActivity(at now: ContinuousClock.Instant = .now) {
        state.withLock { $0 = State(lastActivity: now) }
    }

    /// True once per quiet spell: when `quiet` has passed since the last activity and nothing was
    /// released since.
    func claimRelease(at now: ContinuousClock.Instant) -> Bool {
        state.withLock { state in
            guard !state.released, now - state.lastActivity >= quiet else { return false }
            state.released = true
            return true
        }
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    if claimRelease(at: .now) { release() }
                }
            }
        } catch is CancellationError {}
    }

    func release() {
        database.releaseMemory()
        #if canImport(CMalloc)
        // Free pages inside every arena go back to the kernel, not only those at the top of the heap.
        _ = malloc_trim(0)
        #endif
        // Last, so that what the two calls above ran is let go too; the long-poll's code faults
        // back in within the next wait, a command's with the command.
        UnmodifiedFileMappings.current().release()
    }
}

/// glibc's allocator, set up for a process that mostly waits.
public enum MallocArenas {
    /// Caps glibc's allocator at two arenas. By default each new thread gets an arena of its own
    /// (up to eight per core), and each keeps the free pages it once used; the bot's threads
    /// mostly wait, so two are enough. Call it first thing: threads started before keep theirs.
    public static func limit() {
        #if canImport(CMalloc)
        _ = mallopt(M_ARENA_MAX, 2)
        #endif
    }
}
