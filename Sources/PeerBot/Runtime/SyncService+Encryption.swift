import Foundation
import MatrixClient

extension SyncService {
    /// Records which rooms are encrypted, who is in them and whose devices changed, before the
    /// batch's answers are queued: the outbox then never sends plaintext into a room this very
    /// sync showed to be encrypted. Replaying the same sync after a crash records the same.
    func noteEncryption(_ sync: SyncResponse, backfill: [String: [ClientEvent]]) throws {
        let facts = RoomEncryptionFacts.read(sync, backfill: backfill)
        guard !facts.isEmpty else { return }
        logger.debug("encryption facts", metadata: ["devices_changed": "\(facts.devicesChanged.count)", "memberships": "\(facts.memberships.count)",
                                                 "stale": "\(facts.membersStale.count)"])
        let botUserID = config.current.userID
        try database.write { try facts.apply(botUserID: botUserID, writer: $0, at: Date()) }
    }
}
