// Olm specification, "Initial setup", "Creating an outbound session" and "Creating an
// inbound session from a pre-key message": the triple Diffie-Hellman on each side.

import Crypto

/// A session created from a pre-key message, with that message's plaintext.
public struct OlmInboundSession {
    public let session: OlmSession
    public let plaintext: [UInt8]
}

extension OlmAccount {
    /// Starts a session to a device from its identity key and one of its claimed one-time (or
    /// fallback) keys, both unpadded base64. Its messages are pre-key messages until the reply.
    public func createOutboundSession(theirIdentityKey: String, theirOneTimeKey: String) throws(CryptoError) -> OlmSession {
        let identityB = try UnpaddedBase64.decode(theirIdentityKey)
        let oneTimeB = try UnpaddedBase64.decode(theirOneTimeKey)
        let baseKey = Curve25519.KeyAgreement.PrivateKey()
        // S = ECDH(I_A, E_B) ∥ ECDH(E_A, I_B) ∥ ECDH(E_A, E_B)
        let keys = OlmKeyDerivation.initialKeys(try OlmKeyDerivation.diffieHellman(identityKey, oneTimeB),
                                                try OlmKeyDerivation.diffieHellman(baseKey, identityB),
                                                try OlmKeyDerivation.diffieHellman(baseKey, oneTimeB))
        let sessionKeys = OlmSessionKeys(identityKey: Array(identityKey.publicKey.rawRepresentation),
                                         baseKey: Array(baseKey.publicKey.rawRepresentation), oneTimeKey: oneTimeB)
        // The first sending chain uses C_0,0 with a fresh ratchet key T_0.
        let chain = OlmSenderChain(ratchetKey: .init(), chainKey: keys.chain, index: 0)
        return OlmSession(sessionKeys: sessionKeys, sending: .active(root: keys.root, chain: chain), receiverChains: [])
    }

    /// Creates the session a pre-key message starts and decrypts that message. The one-time
    /// key it names is removed only once the message verified (a fallback key stays);
    /// `.missingOneTimeKey` when the account does not hold the key (already used, or never
    /// ours). When `theirIdentityKey` (unpadded base64) is given, the message must name it.
    public func createInboundSession(theirIdentityKey: String? = nil, _ message: OlmPreKeyMessage) throws(CryptoError) -> OlmInboundSession {
        let sessionKeys = message.sessionKeys
        if let theirIdentityKey, try UnpaddedBase64.decode(theirIdentityKey) != sessionKeys.identityKey {
            throw .malformed("pre-key message from another identity key")
        }
        guard let oneTimeKey = oneTimeKeys.privateKey(for: sessionKeys.oneTimeKey)
            ?? fallbackKeys.privateKey(for: sessionKeys.oneTimeKey) else { throw .missingOneTimeKey }
        // The same S as the sender's, each agreement from our side.
        let keys = OlmKeyDerivation.initialKeys(try OlmKeyDerivation.diffieHellman(oneTimeKey, sessionKeys.identityKey),
                                                try OlmKeyDerivation.diffieHellman(identityKey, sessionKeys.baseKey),
                                                try OlmKeyDerivation.diffieHellman(oneTimeKey, sessionKeys.baseKey))
        let ratchetKey = message.message.ratchetKey
        let session = OlmSession(sessionKeys: sessionKeys,
                                 sending: .inactive(root: keys.root, remoteRatchetKey: ratchetKey),
                                 receiverChains: [OlmReceiverChain(ratchetKey: ratchetKey, chainKey: keys.chain)])
        let plaintext = try session.decrypt(message.message)
        oneTimeKeys.remove(sessionKeys.oneTimeKey)
        return OlmInboundSession(session: session, plaintext: plaintext)
    }
}
