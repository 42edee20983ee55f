import Foundation
import Logging
import MatrixClient
import PeerBotStore

extension DeviceKeyKeeper {
    /// Most requests sent after one sync; the rest go after the next.
    static let keyRequestsPerSync = 20

    /// Asks the senders' devices for the room keys of kept events not asked for yet. A request
    /// is marked sent only once the homeserver took it, so a crash or an outage only delays it;
    /// a failed one is logged and tried again after the next sync.
    func requestMissingKeys() async {
        guard let deviceID else { return }
        do {
            let pending = try database.read { try $0.pendingKeyRequests(limit: Self.keyRequestsPerSync) }
            for event in pending {
                let request = KeyRequest(for: event, requestingDevice: deviceID)
                try await client.sendToDevice(eventType: KeyRequest.eventType, txnID: request.transactionID,
                                              messages: [request.recipient: [request.recipientDevice: request.content]])
                try database.write { try $0.markKeyRequested(roomID: request.roomID, sessionID: request.sessionID, at: Date()) }
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

    /// What opens the room keys this device holds.
    nonisolated var keyring: RoomKeyring { RoomKeyring(pickleKey: pickleKey) }
}
