import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// Reads one sync's Olm to-device messages inside that sync's write transaction: sessions, the
/// account and the room keys they carry are stored with the batch's events and its next token,
/// so a crash or a failed batch keeps all or none of them. Logs senders and rooms, never a key.
public struct RoomKeyIntake: Sendable {
    let pickleKey: PickleKey
    let userID: String
    let deviceID: String?
    let curve25519: String
    let ed25519: String
    let logger: Logger

    /// What the messages of one sync changed.
    public struct Outcome: Sendable, Equatable {
        /// Room keys stored that the store did not have (or had from a later index).
        public var stored = 0
        /// Olm sessions made from pre-key messages: the stored account spent a one-time key.
        public var newSessions = 0
    }

    /// Reads every `m.room.encrypted` message, each in its own savepoint: one that cannot be read
    /// is logged (never its content) and undone alone; the others are still read.
    func take(_ events: [ToDeviceEvent], in writer: StoreWriter) throws -> Outcome {
        var outcome = Outcome()
        // The account as stored in this transaction, never the one in memory: if the batch rolls
        // back, memory and store must still agree, and no one-time key is spent twice.
        var account: OlmAccount?
        for event in events where event.type == "m.room.encrypted" {
            guard let envelope = OlmEnvelope(event.content, ourCurve25519: curve25519) else { continue }
            do {
                let (changed, newSession) = try writer.savepoint { try receive(envelope, from: event.sender, account: &account, in: writer) }
                if changed { outcome.stored += 1 }
                if newSession { outcome.newSessions += 1 }
            } catch where StoreFailure.isTransient(error) {
                throw error
            } catch {
                // The savepoint undid the store's side; the loaded account may be ahead of it.
                account = nil
                logger.warning("to-device message not decrypted", metadata: [
                    "sender": "\(event.sender)", "device": "\(deviceID ?? "-")", "reason": "\(error)",
                ])
            }
        }
        return outcome
    }

    /// One message: the session it belongs to (or a new one from a pre-key message), the checked
    /// plaintext, and the session, the account and the room key stored. Returns whether a room
    /// key was stored and whether a new session was made.
    private func receive(_ envelope: OlmEnvelope, from sender: String, account: inout OlmAccount?,
                         in writer: StoreWriter) throws -> (Bool, Bool) {
        let message = try OlmMessage(type: envelope.type, body: envelope.body)
        let plaintext: [UInt8]
        let newSession: Bool
        if let (session, opened) = try existingSession(for: message, senderKey: envelope.senderKey, in: writer) {
            try writer.keys.saveOlmSession(sessionID: session.sessionID, senderKey: envelope.senderKey, pickle: session.pickle(key: pickleKey), at: Date())
            (plaintext, newSession) = (opened, false)
        } else {
            guard case .preKey(let preKey) = message else { throw CryptoError.malformed("no Olm session with this device") }
            let stored = try account ?? storedAccount(in: writer)
            account = stored
            let inbound = try stored.createInboundSession(theirIdentityKey: envelope.senderKey, preKey)
            try writer.keys.saveOlmSession(sessionID: inbound.session.sessionID, senderKey: envelope.senderKey,
                                           pickle: inbound.session.pickle(key: pickleKey), at: Date())
            try writer.keys.updateAccount(pickle: stored.pickle(key: pickleKey), at: Date())
            (plaintext, newSession) = (inbound.plaintext, true)
        }
        let roomKey = try self.roomKey(in: plaintext, envelope: envelope, sender: sender, store: writer)
        let changed = try roomKey.map { try writer.keys.saveMegolmSession($0, at: Date()) } ?? false
        if let roomKey { logger.info("room key received", metadata: ["room": "\(roomKey.roomID)", "sender": "\(sender)", "new": "\(changed)"]) }
        return (changed, newSession)
    }

    private func storedAccount(in store: StoreReader) throws -> OlmAccount {
        guard let stored = try store.keys.account() else { throw CryptoError.malformed("no stored account") }
        return try OlmAccount(pickle: stored.pickle, key: pickleKey)
    }

    /// The room key a checked plaintext carries: an `m.room_key`, or a forwarded one the bot takes.
    private func roomKey(in plaintext: [UInt8], envelope: OlmEnvelope, sender: String, store: StoreReader) throws -> StoredMegolmSession? {
        let checked = try OlmPlaintext.read(plaintext, sender: sender, recipient: userID, recipientEd25519: ed25519)
        return try checked.roomKey.map { key throws -> StoredMegolmSession in
            let megolm = try MegolmInboundSession(sessionKey: key.sessionKey)
            guard megolm.sessionID == key.sessionID else { throw CryptoError.malformed("room key with another session id") }
            return StoredMegolmSession(roomID: key.roomID, senderKey: envelope.senderKey, sessionID: key.sessionID, senderUserID: sender,
                                       signingKey: checked.senderSigningKey, firstKnownIndex: Int64(megolm.firstKnownIndex),
                                       pickle: megolm.pickle(key: pickleKey))
        } ?? (try forwardedKey(checked, envelope: envelope, sender: sender, store: store))
    }

    /// The room key an `m.forwarded_room_key` carries, when the bot takes it (`ForwardedRoomKey.acceptance`).
    /// A key from a verified device of the bot's own user is stored as the waiting message's
    /// sender's: the one whose messages it opens.
    private func forwardedKey(_ checked: OlmPlaintext, envelope: OlmEnvelope, sender: String, store: StoreReader) throws -> StoredMegolmSession? {
        guard checked.type == "m.forwarded_room_key", let key = ForwardedRoomKey(checked.content) else { return nil }
        let waiter = try store.undecrypted.roomKeyWaiter(roomID: key.roomID, sessionID: key.sessionID, senderKey: key.senderKey)
        let fromOwn = try sender == userID
            && DeviceKeyKeeper.isVerifiedOwnDevice(curve25519: envelope.senderKey, ed25519: checked.senderSigningKey, userID: userID,
                                                   deviceID: deviceID, store: store)
        if let refusal = key.acceptance(olmSenderKey: envelope.senderKey, olmSenderEd25519: checked.senderSigningKey,
                                        waitedFor: waiter != nil, fromVerifiedOwnDevice: fromOwn) {
            logger.notice("forwarded room key not taken", metadata: ["room": "\(key.roomID)", "sender": "\(sender)", "reason": "\(refusal.rawValue)"])
            return nil
        }
        let megolm = try MegolmInboundSession(exportedKey: key.sessionKey)
        guard megolm.sessionID == key.sessionID else { throw CryptoError.malformed("forwarded key with another session id") }
        return StoredMegolmSession(roomID: key.roomID, senderKey: key.senderKey, sessionID: key.sessionID,
                                   senderUserID: fromOwn ? (waiter ?? sender) : sender,
                                   signingKey: key.senderClaimedEd25519, firstKnownIndex: Int64(megolm.firstKnownIndex),
                                   pickle: megolm.pickle(key: pickleKey))
    }

    /// The stored session that decrypts `message`, with the plaintext: for a pre-key message only
    /// the one it was made by; for a normal message each session with that device, newest-used first.
    private func existingSession(for message: OlmMessage, senderKey: String, in store: StoreReader) throws -> (OlmSession, [UInt8])? {
        for record in try store.keys.olmSessions(senderKey: senderKey) {
            guard let session = try? OlmSession(pickle: record.pickle, key: pickleKey) else { continue }
            if case .preKey(let preKey) = message, !session.matchesInboundSession(theirIdentityKey: senderKey, preKey) { continue }
            if let plaintext = try? session.decrypt(message) { return (session, plaintext) }
            if case .preKey = message { throw CryptoError.malformed("replayed or broken pre-key message") }
        }
        return nil
    }
}
