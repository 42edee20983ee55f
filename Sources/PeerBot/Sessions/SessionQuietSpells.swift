import Foundation
import PeerBotStore
import Synchronization

/// Until when each open session has nothing to run, as the last look at it found: a session
/// whose record and timing settings are unchanged is not looked at again before then, so a
/// scheduler tick over a faculty's sessions costs one query, not a dozen per session.
/// Only a look that found nothing due (and so wrote nothing) is kept: a tick rolled back cannot
/// leave a moment unposted behind a quiet spell.
final class SessionQuietSpells: Sendable {
    /// The timing settings a session's moments depend on, in seconds.
    struct Settings: Equatable {
        var goalLead: Int
        var wrapUp: Int
        var reminder: Int
    }

    private struct Spell {
        var record: SessionRecord
        var settings: Settings
        var until: Date
    }

    private let spells = Mutex<[Int64: Spell]>([:])

    init() {}

    /// Whether the session, as it is now, was found with nothing to run before `now`.
    func isQuiet(_ record: SessionRecord, _ settings: Settings, at now: Date) -> Bool {
        spells.withLock { spells in
            guard let spell = spells[record.number] else { return false }
            guard spell.record == record, spell.settings == settings, now < spell.until else {
                spells[record.number] = nil
                return false
            }
            return true
        }
    }

    /// The session has nothing to run before `until` (its next moment).
    func note(_ record: SessionRecord, _ settings: Settings, quietUntil until: Date) {
        spells.withLock { $0[record.number] = Spell(record: record, settings: settings, until: until) }
    }

    /// Spells of sessions no longer open go, so the map holds no more than the open sessions.
    func keep(only numbers: Set<Int64>) {
        spells.withLock { spells in
            guard spells.count > numbers.count else { return }
            spells = spells.filter { numbers.contains($0.key) }
        }
    }
}
