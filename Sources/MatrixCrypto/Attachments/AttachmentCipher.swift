// Matrix spec, "End-to-End Encryption", "Sending encrypted attachments": AES-256-CTR with a
// random key and a random IV whose lower 64 bits are zero, SHA-256 of the ciphertext.

import Crypto
import CryptoExtras

/// Encrypts attachments before upload and decrypts them after download, checking the hash.
public enum AttachmentCipher {
    /// Encrypts `plaintext` under a fresh key; the caller uploads the ciphertext and sets `file.url`.
    public static func encrypt(_ plaintext: some Collection<UInt8>) -> (ciphertext: [UInt8], file: EncryptedFile) {
        let key = SymmetricKey(size: .bits256)
        // Upper 64 bits random, lower 64 (the block counter) zero, so the counter cannot wrap
        // into the random half: the spec's advice for interoperating with WebCrypto.
        let iv = SymmetricKey(size: SymmetricKeySize(bitCount: 64)).withUnsafeBytes { Array($0) } + [UInt8](repeating: 0, count: 8)
        let ciphertext = try! ctr(Array(plaintext), key: key, iv: iv)
        let hash = SHA256.hash(data: ciphertext)
        let jwk = JSONWebKey(k: key.withUnsafeBytes { Base64URL.encode($0) })
        let file = EncryptedFile(url: "", key: jwk, iv: UnpaddedBase64.encode(iv),
                                 hashes: ["sha256": UnpaddedBase64.encode(hash)])
        return (ciphertext, file)
    }

    /// The plaintext of a downloaded attachment; `.badHash` when the ciphertext is not the one
    /// the sender hashed, `.malformed`/`.badKey` when the `file` object is not a v2 A256CTR one.
    public static func decrypt(_ ciphertext: some Collection<UInt8>, file: EncryptedFile) throws(CryptoError) -> [UInt8] {
        guard file.v == "v2" else { throw .malformed("file version \(file.v) is not v2") }
        guard file.key.kty == "oct", file.key.alg == "A256CTR" else { throw .malformed("key is not an A256CTR JWK") }
        guard file.key.keyOps.contains("decrypt") else { throw .malformed("key may not be used to decrypt") }
        var keyBytes = try Base64URL.decode(file.key.k)
        defer { keyBytes.withUnsafeMutableBytes { zeroize($0) } }
        guard keyBytes.count == 32 else { throw .badKey }
        let iv = try UnpaddedBase64.decode(file.iv)
        guard iv.count == 16 else { throw .malformed("iv is not 16 bytes") }
        guard let expectedText = file.hashes["sha256"] else { throw .malformed("sha256 hash missing") }
        let expected = try UnpaddedBase64.decode(expectedText)
        let bytes = Array(ciphertext)
        let actual = Array(SHA256.hash(data: bytes))
        guard expected.count == actual.count, zip(expected, actual).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw .badHash
        }
        do {
            return try ctr(bytes, key: SymmetricKey(data: keyBytes), iv: iv)
        } catch {
            throw .badKey
        }
    }

    private static func ctr(_ bytes: [UInt8], key: SymmetricKey, iv: [UInt8]) throws -> [UInt8] {
        Array(try AES._CTR.encrypt(bytes, using: key, nonce: AES._CTR.Nonce(nonceBytes: iv)))
    }
}

/// Base64url without padding (RFC 4648 §5), the encoding of a JWK's `k`.
enum Base64URL {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        String(UnpaddedBase64.encode(bytes).map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
    }

    /// Accepts the URL-safe alphabet; standard base64 too, as some clients write `k` that way.
    static func decode(_ text: String) throws(CryptoError) -> [UInt8] {
        try UnpaddedBase64.decode(String(text.map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 }))
    }
}
