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
        await refreshOwnDevices(before: events)
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

    /// What the reading of one message needs from the keeper, as values the store's write
    /// closure may hold.
    private struct Reading: Sendable {
        let pickleKey: PickleKey
        let userID: String
        let deviceID: String?
        let ed25519: String
        let logger: Logger
    }

    /// One message: the session it belongs to (or a new one from a pre-key message), the checked
    /// plaintext, and the session, the account and the room key stored. A known session is read,
    /// advanced and written back in one write transaction: the outbox encrypts key shares on the
    /// same stored sessions, and a state read outside the transaction could be written back over
    /// one the outbox advanced, so a message key would be used twice.
    private func receive(_ envelope: OlmEnvelope, from sender: String) throws -> Bool {
        let message = try OlmMessage(type: envelope.type, body: envelope.body)
        let reading = Reading(pickleKey: pickleKey, userID: userID, deviceID: deviceID, ed25519: account.identityKeys.ed25519, logger: logger)
        let known = try database.write { writer -> (Bool, StoredMegolmSession?)? in
            guard let (session, plaintext) = try Self.existingSession(for: message, senderKey: envelope.senderKey, reading: reading, in: writer) else {
                return nil
            }
            let roomKey = try Self.roomKey(in: plaintext, envelope: envelope, sender: sender, reading: reading, store: writer)
            try writer.keys.saveOlmSession(sessionID: session.sessionID, senderKey: envelope.senderKey, pickle: session.pickle(key: reading.pickleKey), at: Date())
            return (try roomKey.map { try writer.keys.saveMegolmSession($0, at: Date()) } ?? false, roomKey)
        }
        let (changed, roomKey) = try known ?? receiveOnNewSession(message, envelope: envelope, sender: sender, reading: reading)
        if let roomKey { logger.info("room key received", metadata: ["room": "\(roomKey.roomID)", "sender": "\(sender)", "new": "\(changed)"]) }
        return changed
    }

    /// A pre-key message from a device the bot has no session with: the account makes the
    /// inbound session (spending a one-time key), and session, account and room key are stored
    /// together.
    private func receiveOnNewSession(_ message: OlmMessage, envelope: OlmEnvelope, sender: String,
                                     reading: Reading) throws -> (Bool, StoredMegolmSession?) {
        guard case .preKey(let preKey) = message else { throw CryptoError.malformed("no Olm session with this device") }
        let inbound = try account.createInboundSession(theirIdentityKey: envelope.senderKey, preKey)
        let (sessionID, sessionPickle) = (inbound.session.sessionID, inbound.session.pickle(key: pickleKey))
        let (plaintext, accountPickle) = (inbound.plaintext, account.pickle(key: pickleKey))
        return try database.write { writer in
            let roomKey = try Self.roomKey(in: plaintext, envelope: envelope, sender: sender, reading: reading, store: writer)
            try writer.keys.saveOlmSession(sessionID: sessionID, senderKey: envelope.senderKey, pickle: sessionPickle, at: Date())
            try writer.keys.updateAccount(pickle: accountPickle, at: Date())
            return (try roomKey.map { try writer.keys.saveMegolmSession($0, at: Date()) } ?? false, roomKey)
        }
    }

    /// The room key a checked plaintext carries: an `m.room_key`, or a forwarded one the bot takes.
    private static func roomKey(in plaintext: [UInt8], envelope: OlmEnvelope, sender: String, reading: Reading,
                                store: StoreReader) throws -> StoredMegolmSession? {
        let checked = try OlmPlaintext.read(plaintext, sender: sender, recipient: reading.userID, recipientEd25519: reading.ed25519)
        return try checked.roomKey.map { key throws -> StoredMegolmSession in
            let megolm = try MegolmInboundSession(sessionKey: key.sessionKey)
            guard megolm.sessionID == key.sessionID else { throw CryptoError.malformed("room key with another session id") }
            return StoredMegolmSession(roomID: key.roomID, senderKey: envelope.senderKey, sessionID: key.sessionID, senderUserID: sender,
                                       signingKey: checked.senderSigningKey, firstKnownIndex: Int64(megolm.firstKnownIndex),
                                       pickle: megolm.pickle(key: reading.pickleKey))
        } ?? (try forwardedKey(checked, envelope: envelope, sender: sender, reading: reading, store: store))
    }

    /// The room key an `m.forwarded_room_key` carries, when the bot takes it (`ForwardedRoomKey.acceptance`).
    /// A key from a verified device of the bot's own user is stored as the waiting message's
    /// sender's: the one whose messages it opens.
    private static func forwardedKey(_ checked: OlmPlaintext, envelope: OlmEnvelope, sender: String, reading: Reading,
                                     store: StoreReader) throws -> StoredMegolmSession? {
        guard checked.type == "m.forwarded_room_key", let key = ForwardedRoomKey(checked.content) else { return nil }
        let waiter = try store.undecrypted.roomKeyWaiter(roomID: key.roomID, sessionID: key.sessionID, senderKey: key.senderKey)
        let fromOwn = try sender == reading.userID
            && isVerifiedOwnDevice(curve25519: envelope.senderKey, ed25519: checked.senderSigningKey, userID: reading.userID,
                                   deviceID: reading.deviceID, store: store)
        if let refusal = key.acceptance(olmSenderKey: envelope.senderKey, olmSenderEd25519: checked.senderSigningKey,
                                        waitedFor: waiter != nil, fromVerifiedOwnDevice: fromOwn) {
            reading.logger.notice("forwarded room key not taken", metadata: ["room": "\(key.roomID)", "sender": "\(sender)", "reason": "\(refusal.rawValue)"])
            return nil
        }
        let megolm = try MegolmInboundSession(exportedKey: key.sessionKey)
        guard megolm.sessionID == key.sessionID else { throw CryptoError.malformed("forwarded key with another session id") }
        return StoredMegolmSession(roomID: key.roomID, senderKey: key.senderKey, sessionID: key.sessionID,
                                   senderUserID: fromOwn ? (waiter ?? sender) : sender,
                                   signingKey: key.senderClaimedEd25519, firstKnownIndex: Int64(megolm.firstKnownIndex),
                                   pickle: megolm.pickle(key: reading.pickleKey))
    }

    /// The stored session that decrypts `message`, with the plaintext: for a pre-key message only
    /// the one it was made by; for a normal message each session with that device, newest-used first.
    private static func existingSession(for message: OlmMessage, senderKey: String, reading: Reading,
                                        in store: StoreReader) throws -> (OlmSession, [UInt8])? {
        for record in try store.keys.olmSessions(senderKey: senderKey) {
            guard let session = try? OlmSession(pickle: record.pickle, key: reading.pickleKey) else { continue }
            if case .preKey(let preKey) = message, !session.matchesInboundSession(theirIdentityKey: senderKey, preKey) { continue }
            if let plaintext = try? session.decrypt(message) { return (session, plaintext) }
            if case .preKey = message { throw CryptoError.malformed("replayed or broken pre-key message") }
        }
        return nil
    }
}
