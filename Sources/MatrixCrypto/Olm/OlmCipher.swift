// Olm specification, "Olm Authenticated Encryption", version 1: AES-256-CBC with PKCS#7
// padding and HMAC-SHA-256 truncated to 8 bytes, keys from HKDF(0, M_i,j, "OLM_KEYS", 80).

import Crypto
import CryptoExtras

/// The per-message cipher keys derived from one Olm message key.
struct OlmCipher {
    static let macLength = 8
    private let aesKey: SymmetricKey
    private let macKey: SymmetricKey
    private let iv: AES._CBC.IV

    /// AES_KEY ∥ HMAC_KEY ∥ AES_IV = HKDF(0, M, "OLM_KEYS", 80).
    init(messageKey: SecretBytes) {
        var material = messageKey.bytes
        defer { material.withUnsafeMutableBytes { zeroize($0) } }
        let keys = OlmKeyDerivation.hkdf(material, salt: [], info: "OLM_KEYS", count: 80)
        (aesKey, macKey, iv) = keys.withUnsafeBytes { bytes in
            // 16 bytes always make a valid IV.
            (SymmetricKey(data: bytes[0..<32]), SymmetricKey(data: bytes[32..<64]),
             try! AES._CBC.IV(ivBytes: bytes[64..<80]))
        }
    }

    func encrypt(_ plaintext: [UInt8]) -> [UInt8] {
        // A 256-bit key and a 16-byte IV cannot make CBC encryption with padding fail.
        Array(try! AES._CBC.encrypt(plaintext, using: aesKey, iv: iv))
    }

    /// Decrypts after the MAC was checked, so a padding failure here is a sender's fault, not
    /// an oracle for an attacker.
    func decrypt(_ ciphertext: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        guard !ciphertext.isEmpty, ciphertext.count % 16 == 0 else { throw .malformed("ciphertext is not whole AES blocks") }
        do {
            return Array(try AES._CBC.decrypt(Array(ciphertext), using: aesKey, iv: iv))
        } catch {
            throw .malformed("bad padding")
        }
    }

    /// The first 8 bytes of HMAC-SHA-256 over everything before the MAC.
    func mac(_ authenticated: some Collection<UInt8>) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(authenticated), using: macKey).prefix(Self.macLength))
    }

    /// Compares in constant time, so the position of a wrong byte is not revealed.
    func verify(_ authenticated: some Collection<UInt8>, mac received: some Collection<UInt8>) throws(CryptoError) {
        let expected = mac(authenticated)
        guard received.count == expected.count else { throw .badMAC }
        let difference = zip(expected, received).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) }
        guard difference == 0 else { throw .badMAC }
    }
}
