import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

extension DeviceKeyKeeper {
    /// What reads one sync's Olm to-device messages inside the batch's transaction, once the own
    /// user's device list is current for them; nil before the device is known.
    func intake(before events: [ToDeviceEvent]) async -> RoomKeyIntake? {
        guard let deviceID else { return nil }
        await refreshOwnDevices(before: events)
        let keys = account.identityKeys
        return RoomKeyIntake(pickleKey: pickleKey, userID: userID, deviceID: deviceID, curve25519: keys.curve25519,
                             ed25519: keys.ed25519, logger: logger)
    }

    /// After the transaction that read the messages committed: a pre-key message spent a
    /// one-time key of the stored account, so the account in memory is read again from the store
    /// before it is next pickled (a stale copy written back would bring the spent key back).
    func committed(_ outcome: RoomKeyIntake.Outcome) {
        guard outcome.newSessions > 0 else { return }
        accountIsStale = true
        do {
            try reloadAccountIfStale()
        } catch {
            logger.warning("account not read again after new Olm sessions; tried before the next keys upload", metadata: ["error": "\(error)"])
        }
    }

    /// Reads the account from the store when a committed batch changed it there.
    func reloadAccountIfStale() throws {
        guard accountIsStale else { return }
        guard let stored = try database.read({ try $0.keys.account() }) else { return }
        account = try OlmAccount(pickle: stored.pickle, key: pickleKey)
        accountIsStale = false
    }

    /// Decrypts the Olm to-device messages of one sync and stores the room keys they carry, all
    /// in one transaction of their own (for a caller without a batch to join). Returns how many
    /// room keys were stored.
    @discardableResult
    func receive(_ events: [ToDeviceEvent]) async -> Int {
        guard let intake = await intake(before: events) else { return 0 }
        do {
            let outcome = try database.write { try intake.take(events, in: $0) }
            committed(outcome)
            return outcome.stored
        } catch {
            logger.warning("to-device messages not stored", metadata: ["error": "\(error)"])
            return 0
        }
    }
}
