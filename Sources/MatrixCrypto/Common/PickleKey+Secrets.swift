// Issue "Encrypted rooms" pickling requirement: every secret the bot stores (attachment keys
// waiting to be used, cross-signing private keys) is sealed like the sessions are.

/// Sealing arbitrary secret bytes under the pickle key, in the pickles' own format.
extension PickleKey {
    /// `secret` sealed (AES-256-GCM, random nonce), as unpadded base64.
    public func seal(_ secret: some Collection<UInt8>) -> String {
        UnpaddedBase64.encode(PickleBox.seal(Array(secret), key: self))
    }

    /// The bytes `seal` sealed; `.wrongPickleKey` under another key or when altered.
    public func open(_ sealed: String) throws(CryptoError) -> [UInt8] {
        try PickleBox.open(UnpaddedBase64.decode(sealed), key: self)
    }
}
