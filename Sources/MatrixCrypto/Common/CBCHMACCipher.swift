// Olm specification, "Olm Authenticated Encryption", and Megolm specification, "Encrypting a
// message": both derive 80 bytes by HKDF-SHA256 (zero salt) from a secret — AES key ∥ HMAC key ∥
// IV — then use AES-256-CBC with PKCS#7 padding and HMAC-SHA-256 truncated to 8 bytes. Only the
// secret (an Olm message key, a Megolm ratchet state) and the HKDF info differ.

import Crypto
import CryptoExtras

/// The AES-256-CBC and truncated HMAC-SHA-256 keys one Olm message key or Megolm ratchet yields.
struct CBCHMACCipher {
    static let macLength = 8
    private let aesKey: SymmetricKey
    private let macKey: SymmetricKey
    private let iv: AES._CBC.IV

    /// AES_KEY ∥ HMAC_KEY ∥ AES_IV = HKDF(0, secret, info, 80); `secret` is zeroed afterwards.
    init(secret: inout [UInt8], info: String) {
        defer { secret.withUnsafeMutableBytes { zeroize($0) } }
        let expanded = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: secret), salt: [UInt8](),
                                              info: Array(info.utf8), outputByteCount: 80)
        (aesKey, macKey, iv) = expanded.withUnsafeBytes { bytes in
            // 16 bytes always make a valid IV.
            (SymmetricKey(data: bytes[0..<32]), SymmetricKey(data: bytes[32..<64]), try! AES._CBC.IV(ivBytes: bytes[64..<80]))
        }
    }

    func encrypt(_ plaintext: some Collection<UInt8>) -> [UInt8] {
        // A 256-bit key and a 16-byte IV cannot make CBC encryption with padding fail.
        Array(try! AES._CBC.encrypt(Array(plaintext), using: aesKey, iv: iv))
    }

    /// Decrypts after the MAC was checked, so a padding failure here is a sender's fault, not an
    /// oracle for an attacker; `.malformed` then.
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

extension CBCHMACCipher: CustomStringConvertible, CustomReflectable {
    var description: String { "CBCHMACCipher(redacted)" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
