import Foundation
import Logging
import MatrixClient
import PeerBotStore

extension DeviceKeyKeeper {
    /// Most requests sent after one sync; the rest go after the next.
    static let keyRequestsPerSync = 20

    /// Asks the senders' devices (and the bot's own other devices, when it can verify them) for
    /// the room keys of kept events not asked for yet. A request is marked sent only once the
    /// homeserver took it, so a crash or an outage only delays it; a failed one is logged and
    /// tried again after the next sync.
    func requestMissingKeys() async {
        guard let deviceID else { return }
        do {
            // The bot's own other devices are asked only when it can verify them (`peerbot login --config`
            // stored its cross-signing keys): a key forwarded by an unverified one is refused anyway.
            let (pending, canVerifyOwn) = try database.read {
                (try $0.undecrypted.keyRequests(limit: Self.keyRequestsPerSync), try $0.devices.crossSigningKeys() != nil)
            }
            for event in pending {
                let request = KeyRequest(for: event, requestingDevice: deviceID, ownUser: canVerifyOwn ? userID : nil)
                try await client.sendToDevice(eventType: KeyRequest.eventType, txnID: request.transactionID, messages: request.messages)
                try database.write { writer in
                    try writer.undecrypted.markKeyRequested(roomID: request.roomID, sessionID: request.sessionID, at: Date())
                    try writer.keys.recordKeyRequest(request.record, at: Date())
                }
                logger.info("room key requested", metadata: [
                    "room": "\(request.roomID)", "from": "\(request.recipient)", "device": "\(request.recipientDevice)",
                ])
            }
        } catch is CancellationError {
            return
        } catch {
            logger.warning("room key request failed; tried again after the next sync", metadata: ["error": "\(error)"])
        }
    }

    /// Withdraws the requests whose key has come or whose messages are gone (read, redacted,
    /// given up after `undecryptable_after`), each once: marked cancelled only when the
    /// homeserver took it, and re-sent under the same transaction id after a failure.
    func cancelAnsweredKeyRequests() async {
        guard let deviceID else { return }
        do {
            let answered = try database.read { try $0.keys.keyRequestsToCancel(limit: Self.keyRequestsPerSync) }
            for open in answered {
                let cancellation = KeyRequest(cancelling: open, requestingDevice: deviceID)
                try await client.sendToDevice(eventType: KeyRequest.eventType, txnID: cancellation.transactionID,
                                              messages: cancellation.messages)
                try database.write { try $0.keys.markKeyRequestCancelled(open.requestID, at: Date()) }
                logger.info("room key request cancelled", metadata: ["room": "\(open.roomID)", "to": "\(open.recipient)"])
            }
        } catch is CancellationError {
            return
        } catch {
            logger.warning("room key request cancellation failed; tried again after the next sync", metadata: ["error": "\(error)"])
        }
    }

    /// What opens the room keys this device holds.
    nonisolated var keyring: RoomKeyring { RoomKeyring(pickleKey: pickleKey) }
}
