// Olm specification, "Receiving messages": a receiver chain per sender ratchet key T_i, its
// chain key C_i,j, and the stored message keys of skipped indexes for out-of-order messages.

/// A message key kept for an index that was skipped on a receiver chain.
struct OlmSkippedKey {
    let index: UInt64
    let key: SecretBytes
}

/// The other side's sending chain, as we follow it to decrypt.
struct OlmReceiverChain {
    /// How far ahead of the chain a message may be: deriving the keys of a larger gap is
    /// refused rather than done, so a hostile index cannot cost unbounded work.
    static let maxMessageGap: UInt64 = 2000
    /// How many skipped message keys a chain keeps; the oldest are dropped first.
    static let maxSkippedKeys = 40

    let ratchetKey: [UInt8]
    private(set) var chainKey: SecretBytes
    private(set) var index: UInt64
    private(set) var skipped: [OlmSkippedKey]

    init(ratchetKey: [UInt8], chainKey: SecretBytes, index: UInt64 = 0, skipped: [OlmSkippedKey] = []) {
        self.ratchetKey = ratchetKey
        self.chainKey = chainKey
        self.index = index
        self.skipped = skipped
    }

    /// Decrypts a message of this chain. The chain changes only when the MAC verified, so a
    /// forged message neither moves the chain nor spends a stored key.
    mutating func decrypt(_ message: OlmNormalMessage) throws(CryptoError) -> [UInt8] {
        let target = message.chainIndex
        if target < index {
            guard let position = skipped.firstIndex(where: { $0.index == target }) else { throw .unknownMessageIndex }
            let plaintext = try message.decrypt(messageKey: skipped[position].key)
            skipped.remove(at: position)
            return plaintext
        }
        // The last index has no successor to move the chain to.
        guard target - index <= Self.maxMessageGap, target < .max else { throw .tooManySkippedKeys }
        var key = chainKey
        var position = index
        var newlySkipped: [OlmSkippedKey] = []
        while position < target {
            // Keys too far behind the target to be kept are not even derived.
            if target - position <= UInt64(Self.maxSkippedKeys) {
                newlySkipped.append(OlmSkippedKey(index: position, key: OlmKeyDerivation.messageKey(key)))
            }
            key = OlmKeyDerivation.nextChainKey(key)
            position += 1
        }
        let plaintext = try message.decrypt(messageKey: OlmKeyDerivation.messageKey(key))
        chainKey = OlmKeyDerivation.nextChainKey(key)
        index = target + 1
        skipped.append(contentsOf: newlySkipped)
        if skipped.count > Self.maxSkippedKeys { skipped.removeFirst(skipped.count - Self.maxSkippedKeys) }
        return plaintext
    }
}
