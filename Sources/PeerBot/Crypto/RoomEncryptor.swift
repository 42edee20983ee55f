import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning

/// Why an outbox row may not go out: the room is encrypted and the bot cannot encrypt for it
/// (no `pickle_key_file`, or an algorithm it does not speak). Never retried: plaintext must not
/// leak into an encrypted room.
struct PlaintextRefused: Error, CustomStringConvertible {
    let description: String
}

/// The bot's device is not ready to encrypt yet (its keys are not stored or published); retried.
struct EncryptionNotReady: Error, CustomStringConvertible {
    var description: String { "the bot's encryption device is not ready yet" }
}

/// Encrypts what the outbox sends into encrypted rooms with the room's outbound Megolm session,
/// sharing the session's key first with every trusted device of every member that lacks it.
///
/// Crash safety: each step commits before anything leaves. The room key goes out as a stored
/// to-device message (with the Olm sessions that made it, in one transaction), re-sent with the
/// same transaction id until confirmed. The ratchet's advance and the event's ciphertext commit
/// together before the first attempt, so a re-send carries the same ciphertext and transaction
/// id: one event, and a Megolm index never used for two texts.
actor RoomEncryptor {
    let client: MatrixClient
    let database: AppDatabase
    let pickleKey: PickleKey
    let userID: String
    let language: Language
    let logger: Logger
    let now: @Sendable () -> Date
    /// The bot's account and device, read from the store once `DeviceKeyKeeper` stored them.
    private var own: (device: OwnDevice, account: OlmAccount)?
    /// By room: the outbound session and the store's key-recipients version at which a share
    /// found every member's devices known and every trusted device holding the key. While the
    /// version stands, the next message of that session owes nobody the key (`shareKey`).
    var everyoneHasKey: [String: (sessionID: String, version: Int64)] = [:]
    /// How many messages went out without the share's look-ups, for the tests.
    var sharesSkipped = 0

    init(client: MatrixClient, database: AppDatabase, pickleKey: PickleKey, userID: String, language: Language,
         logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.database = database
        self.pickleKey = pickleKey
        self.userID = userID
        self.language = language
        self.logger = logger
        self.now = now
    }

    /// The event outbox row `outboxID` goes out as in `roomID`: the ciphertext fixed by an earlier
    /// attempt, or a new one; nil when the room is plain (the caller sends the content as is).
    /// `prepare` runs only for a new ciphertext (an attachment's upload) and gives the content.
    func seal(roomID: String, eventType: String, outboxID: Int64,
              content prepare: @Sendable () async throws -> ClientJSON) async throws -> (eventType: String, content: ClientJSON)? {
        var watch = Stopwatch()
        if let fixed = try database.read({ try $0.keys.outboxCiphertext(outboxID: outboxID) }) {
            guard let content = ClientJSON.parse(fixed.contentJSON) else { throw CorruptOutboxItem() }
            return (fixed.eventType, content)
        }
        guard let state = try await RoomEncryptionLookup(client: client, database: database).state(roomID), state.isEncrypted else {
            return nil
        }
        guard state.algorithm == EncryptedPayloads.megolm else {
            throw PlaintextRefused(description: "the room is encrypted with \(state.algorithm ?? "?"), which the bot does not support")
        }
        let own = try ownDevice()
        let looked = watch.lap()
        try await flushToDevice()
        let flushed = watch.lap()
        let content = try await prepare()
        // A member may leave between sharing and encrypting (the sync ends the session): start over.
        for _ in 0..<3 {
            let sessionID = try currentSession(roomID: roomID, state: state, own: own.device)
            let current = watch.lap()
            try await shareKey(roomID: roomID, sessionID: sessionID, state: state, own: own)
            let shared = watch.lap()
            if let sealed = try commitCiphertext(roomID: roomID, sessionID: sessionID, eventType: eventType, content: content,
                                                 outboxID: outboxID, own: own.device) {
                logger.debug("seal timing (ms)", metadata: ["outbox": "\(outboxID)", "lookup": "\(looked)", "flush": "\(flushed)",
                                                         "session": "\(current)", "share": "\(shared)", "commit": "\(watch.lap())"])
                return (sealed.eventType, ClientJSON.parse(sealed.contentJSON) ?? [:])
            }
        }
        throw SessionRotated()
    }

    /// Encrypts with the stored session state and commits the advanced ratchet together with the
    /// ciphertext; nil when the session stopped being the room's meanwhile.
    private func commitCiphertext(roomID: String, sessionID: String, eventType: String, content: ClientJSON,
                                  outboxID: Int64, own: OwnDevice) throws -> OutboxCiphertext? {
        let key = pickleKey
        return try database.write { writer in
            guard let stored = try writer.keys.outboundSession(roomID: roomID), stored.sessionID == sessionID else { return nil }
            let session = try MegolmOutboundSession(pickle: stored.pickle, key: key)
            let encrypted = EncryptedPayloads.roomEvent(type: eventType, content: content, roomID: roomID, session: session, sender: own)
            try writer.keys.updateOutboundSession(roomID: roomID, sessionID: sessionID, pickle: session.pickle(key: key))
            let ciphertext = OutboxCiphertext(eventType: "m.room.encrypted", contentJSON: encrypted.jsonString())
            try writer.keys.setOutboxCiphertext(outboxID: outboxID, ciphertext)
            return ciphertext
        }
    }

    /// The room's outbound session, replaced by a new one when it has reached its message count
    /// or age. A new session is stored, and kept as an inbound one for the bot's own device, before
    /// its key goes anywhere.
    private func currentSession(roomID: String, state: RoomEncryptionState, own: OwnDevice) throws -> String {
        let rotation = MegolmRotation(roomPeriodMs: state.rotationPeriodMs, roomMessages: state.rotationPeriodMsgs)
        let (key, moment, userID) = (pickleKey, now(), userID)
        // The stored session's id while it may still encrypt.
        let kept = { @Sendable (stored: StoredOutboundSession?) throws -> String? in
            guard let stored else { return nil }
            let session = try MegolmOutboundSession(pickle: stored.pickle, key: key)
            let age = Int64(moment.timeIntervalSince(stored.createdAt) * 1000)
            return rotation.mustRotate(messageIndex: session.messageIndex, ageMs: age) ? nil : stored.sessionID
        }
        // Most messages keep the session: a read settles that without taking the write lock.
        if let sessionID = try kept(try database.read { try $0.keys.outboundSession(roomID: roomID) }) { return sessionID }
        return try database.write { writer in
            if let sessionID = try kept(try writer.keys.outboundSession(roomID: roomID)) { return sessionID }
            let session = MegolmOutboundSession()
            try writer.keys.replaceOutboundSession(roomID: roomID, sessionID: session.sessionID, pickle: session.pickle(key: key), at: moment)
            let inbound = try MegolmInboundSession(sessionKey: session.sessionKey)
            try writer.keys.saveMegolmSession(StoredMegolmSession(roomID: roomID, senderKey: own.curve25519, sessionID: session.sessionID,
                                                                  senderUserID: userID, signingKey: own.ed25519, firstKnownIndex: 0,
                                                                  pickle: inbound.pickle(key: key)), at: moment)
            return session.sessionID
        }
    }

    /// The bot's own device, once its keys are stored and published.
    func ownDevice() throws -> (device: OwnDevice, account: OlmAccount) {
        if let own { return own }
        guard let stored = try database.read({ try $0.keys.account() }) else { throw EncryptionNotReady() }
        let account = try OlmAccount(pickle: stored.pickle, key: pickleKey)
        let keys = account.identityKeys
        let loaded = (OwnDevice(userID: userID, deviceID: stored.deviceID, curve25519: keys.curve25519, ed25519: keys.ed25519), account)
        own = loaded
        return loaded
    }
}

/// Finds out once whether a room is encrypted: from what sync recorded, else by asking the
/// homeserver for its `m.room.encryption` state (a room the bot was in before it kept track).
struct RoomEncryptionLookup {
    let client: MatrixClient
    let database: AppDatabase

    func state(_ roomID: String) async throws -> RoomEncryptionState? {
        if let known = try database.read({ try $0.devices.roomEncryption(roomID) }) { return known }
        let content = try await client.state(roomID: roomID, type: "m.room.encryption")
        let algorithm = content?["algorithm"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        try database.write { writer in
            if let algorithm {
                try writer.devices.setRoomEncrypted(roomID, algorithm: algorithm, rotationPeriodMs: content?["rotation_period_ms"]?.intValue,
                                                    rotationPeriodMsgs: content?["rotation_period_msgs"]?.intValue, at: Date())
            } else {
                try writer.devices.setRoomPlain(roomID, at: Date())
            }
        }
        return try database.read { try $0.devices.roomEncryption(roomID) }
    }
}
