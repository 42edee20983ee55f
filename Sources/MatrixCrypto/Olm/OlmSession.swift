// Olm specification, "The Olm Protocol": sending pre-key messages until the first reply,
// sending and receiving normal messages; Matrix spec "m.olm.v1.curve25519-aes-sha2".

/// One Olm session with another device: a double ratchet that encrypts to and decrypts from it.
///
/// Not thread-safe: each session is used from one task at a time, and must be pickled after
/// every `encrypt` and successful `decrypt`, since both change its state.
public final class OlmSession {
    /// How many of the other side's chains are kept for late messages; the oldest is dropped.
    static let maxReceiverChains = 5

    /// The keys the session was created from.
    public let sessionKeys: OlmSessionKeys
    var sending: OlmSendingRatchet
    /// The other side's chains, newest last.
    var receiverChains: [OlmReceiverChain]

    init(sessionKeys: OlmSessionKeys, sending: OlmSendingRatchet, receiverChains: [OlmReceiverChain]) {
        self.sessionKeys = sessionKeys
        self.sending = sending
        self.receiverChains = receiverChains
    }

    /// The session id both sides compute, unpadded base64.
    public var sessionID: String { sessionKeys.sessionID }

    /// Whether a message from the other side has been decrypted (or the session was created
    /// from one); until then `encrypt` makes pre-key messages.
    public var hasReceivedMessage: Bool { !receiverChains.isEmpty }

    /// Encrypts `plaintext` to the other side: a pre-key message until the first reply, then
    /// normal messages. Fails only when the other side's ratchet key is a low-order point.
    /// Receivers refuse messages over 64 KiB, the size of a whole Matrix event.
    public func encrypt(_ plaintext: some Collection<UInt8>) throws(CryptoError) -> OlmMessage {
        let activated = try sending.activated()
        var chain = activated.chain
        let (index, key) = chain.nextMessageKey()
        sending = .active(root: activated.root, chain: chain)
        let message = OlmNormalMessage(ratchetKey: chain.publicRatchetKey, chainIndex: index,
                                       plaintext: Array(plaintext), messageKey: key)
        return hasReceivedMessage ? .normal(message) : .preKey(OlmPreKeyMessage(sessionKeys: sessionKeys, message: message))
    }

    /// Decrypts a message of this session. The state changes only when the message verified;
    /// a replayed message fails with `.unknownMessageIndex`, one too far ahead with
    /// `.tooManySkippedKeys`, a forged or foreign one with `.badMAC`.
    public func decrypt(_ message: OlmMessage) throws(CryptoError) -> [UInt8] {
        let inner: OlmNormalMessage
        switch message {
        case .normal(let normal):
            inner = normal
        case .preKey(let preKey):
            guard preKey.sessionKeys == sessionKeys else { throw .malformed("pre-key message of another session") }
            inner = preKey.message
        }
        return try decrypt(inner)
    }

    func decrypt(_ message: OlmNormalMessage) throws(CryptoError) -> [UInt8] {
        if let known = receiverChains.firstIndex(where: { $0.ratchetKey == message.ratchetKey }) {
            return try receiverChains[known].decrypt(message)
        }
        let step = try sending.receiving(message.ratchetKey)
        var chain = step.chain
        let plaintext = try chain.decrypt(message)
        sending = step.ratchet
        receiverChains.append(chain)
        if receiverChains.count > Self.maxReceiverChains { receiverChains.removeFirst() }
        return plaintext
    }

    /// Whether `message` was made by the session this one was created from, so that it is
    /// decrypted here instead of creating a new inbound session.
    public func matchesInboundSession(_ message: OlmPreKeyMessage) -> Bool {
        message.sessionKeys == sessionKeys
    }

    /// As `matchesInboundSession(_:)`, also requiring the sender's Curve25519 identity key
    /// (unpadded base64) to be the one the message names.
    public func matchesInboundSession(theirIdentityKey: String, _ message: OlmPreKeyMessage) -> Bool {
        guard let key = try? UnpaddedBase64.decode(theirIdentityKey) else { return false }
        return key == message.sessionKeys.identityKey && matchesInboundSession(message)
    }
}
