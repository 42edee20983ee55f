import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

extension DeviceKeyKeeper {
    /// Decrypts the Olm to-device messages of one sync and stores the room keys they carry,
    /// before the sync position moves on. A message that cannot be read is logged (never its
    /// content) and skipped; the others are still read. Returns how many room keys were stored.
    @discardableResult
    func receive(_ events: [ToDeviceEvent]) async -> Int {
        guard let deviceID else { return 0 }
        var stored = 0
        for event in events where event.type == "m.room.encrypted" {
            guard let envelope = OlmEnvelope(event.content, ourCurve25519: account.identityKeys.curve25519) else { continue }
            do {
                if try receive(envelope, from: event.sender) { stored += 1 }
            } catch {
                logger.warning("to-device message not decrypted", metadata: [
                    "sender": "\(event.sender)", "device": "\(deviceID)", "reason": "\(error)",
                ])
            }
        }
        return stored
    }

    /// One message: the session it belongs to (or a new one from a pre-key message), the checked
    /// plaintext, and one transaction storing the session, the account and the room key.
    private func receive(_ envelope: OlmEnvelope, from sender: String) throws -> Bool {
        let message = try OlmMessage(type: envelope.type, body: envelope.body)
        var (session, plaintext) = try existingSession(for: message, senderKey: envelope.senderKey)
        var accountChanged = false
        if session == nil, case .preKey(let preKey) = message {
            let inbound = try account.createInboundSession(theirIdentityKey: envelope.senderKey, preKey)
            (session, plaintext, accountChanged) = (inbound.session, inbound.plaintext, true)
        }
        guard let session, let plaintext else { throw CryptoError.malformed("no Olm session with this device") }
        let checked = try OlmPlaintext.read(plaintext, sender: sender, recipient: userID, recipientEd25519: account.identityKeys.ed25519)
        let roomKey = try checked.roomKey.map { key throws -> StoredMegolmSession in
            let megolm = try MegolmInboundSession(sessionKey: key.sessionKey)
            guard megolm.sessionID == key.sessionID else { throw CryptoError.malformed("room key with another session id") }
            return StoredMegolmSession(roomID: key.roomID, senderKey: envelope.senderKey, sessionID: key.sessionID, senderUserID: sender,
                                       signingKey: checked.senderSigningKey, firstKnownIndex: Int64(megolm.firstKnownIndex),
                                       pickle: megolm.pickle(key: pickleKey))
        } ?? (try forwardedKey(checked, envelope: envelope, sender: sender))
        let sessionPickle = session.pickle(key: pickleKey)
        let accountPickle = accountChanged ? account.pickle(key: pickleKey) : nil
        let (sessionID, senderKey) = (session.sessionID, envelope.senderKey)
        let changed = try database.write { writer in
            try writer.saveOlmSession(sessionID: sessionID, senderKey: senderKey, pickle: sessionPickle, at: Date())
            if let accountPickle { try writer.updateOlmAccount(pickle: accountPickle, at: Date()) }
            return try roomKey.map { try writer.saveMegolmSession($0, at: Date()) } ?? false
        }
        if let roomKey { logger.info("room key received", metadata: ["room": "\(roomKey.roomID)", "sender": "\(sender)", "new": "\(changed)"]) }
        return changed
    }

    /// The room key an `m.forwarded_room_key` carries, when the bot takes it (`ForwardedRoomKey.acceptance`).
    private func forwardedKey(_ checked: OlmPlaintext, envelope: OlmEnvelope, sender: String) throws -> StoredMegolmSession? {
        guard checked.type == "m.forwarded_room_key", let key = ForwardedRoomKey(checked.content) else { return nil }
        let waited = try database.read { try $0.isWaitingForRoomKey(roomID: key.roomID, sessionID: key.sessionID) }
        if let refusal = key.acceptance(olmSenderKey: envelope.senderKey, olmSenderEd25519: checked.senderSigningKey, waitedFor: waited) {
            logger.notice("forwarded room key not taken", metadata: ["room": "\(key.roomID)", "sender": "\(sender)", "reason": "\(refusal.rawValue)"])
            return nil
        }
        let megolm = try MegolmInboundSession(exportedKey: key.sessionKey)
        guard megolm.sessionID == key.sessionID else { throw CryptoError.malformed("forwarded key with another session id") }
        return StoredMegolmSession(roomID: key.roomID, senderKey: key.senderKey, sessionID: key.sessionID, senderUserID: sender,
                                   signingKey: key.senderClaimedEd25519, firstKnownIndex: Int64(megolm.firstKnownIndex),
                                   pickle: megolm.pickle(key: pickleKey))
    }

    /// The stored session that decrypts `message`: for a pre-key message only the one it was
    /// made by; for a normal message each session with that device, newest-used first.
    private func existingSession(for message: OlmMessage, senderKey: String) throws -> (OlmSession?, [UInt8]?) {
        let stored = try database.read { try $0.olmSessions(senderKey: senderKey) }
        for record in stored {
            guard let session = try? OlmSession(pickle: record.pickle, key: pickleKey) else { continue }
            if case .preKey(let preKey) = message, !session.matchesInboundSession(theirIdentityKey: senderKey, preKey) { continue }
            if let plaintext = try? session.decrypt(message) { return (session, plaintext) }
            if case .preKey = message { throw CryptoError.malformed("replayed or broken pre-key message") }
        }
        return (nil, nil)
    }
}
