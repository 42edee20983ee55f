// Megolm specification, "Encrypting a message": keys from HKDF-SHA256(R(i), "MEGOLM_KEYS"),
// AES-256-CBC with PKCS#7 padding, HMAC-SHA256 truncated to 8 bytes.

import Crypto
import CryptoExtras

/// The AES key, HMAC key and IV one ratchet state yields.
struct MegolmCipher {
    static let macLength = 8
    private let aesKey: SymmetricKey
    private let macKey: SymmetricKey
    private let iv: AES._CBC.IV

    init(ratchet: MegolmRatchet) {
        var material = ratchet.bytes
        defer { material.withUnsafeMutableBytes { zeroize($0) } }
        // HKDF with a zero salt (the same HMAC key as the single zero byte vodozemac passes).
        let expanded = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: material),
                                              salt: [UInt8](), info: Array("MEGOLM_KEYS".utf8), outputByteCount: 80)
        var aes = [UInt8](), mac = [UInt8](), ivBytes = [UInt8]()
        expanded.withUnsafeBytes { raw in
            aes = Array(raw[0..<32])
            mac = Array(raw[32..<64])
            ivBytes = Array(raw[64..<80])
        }
        aesKey = SymmetricKey(data: aes)
        macKey = SymmetricKey(data: mac)
        // A 16-byte IV is always accepted.
        iv = try! AES._CBC.IV(ivBytes: ivBytes)
        aes.withUnsafeMutableBytes { zeroize($0) }
        mac.withUnsafeMutableBytes { zeroize($0) }
    }

    func encrypt(_ plaintext: some Collection<UInt8>) -> [UInt8] {
        // CBC with a 256-bit key and padding cannot fail.
        Array(try! AES._CBC.encrypt(Array(plaintext), using: aesKey, iv: iv))
    }

    /// The plaintext; `.malformed` when the padding is wrong (after the MAC has passed).
    func decrypt(_ ciphertext: some Collection<UInt8>) throws(CryptoError) -> [UInt8] {
        guard !ciphertext.isEmpty, ciphertext.count % 16 == 0 else { throw .malformed("ciphertext is not whole AES blocks") }
        do {
            return Array(try AES._CBC.decrypt(Array(ciphertext), using: aesKey, iv: iv))
        } catch {
            throw .malformed("bad padding")
        }
    }

    /// The first 8 bytes of HMAC-SHA256 over `bytes`.
    func mac(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(bytes), using: macKey).prefix(MegolmCipher.macLength))
    }

    /// Compares the truncated MAC in constant time.
    func verifyMAC(_ mac: some Collection<UInt8>, of bytes: some Collection<UInt8>) throws(CryptoError) {
        let expected = self.mac(bytes)
        let given = Array(mac)
        guard given.count == expected.count else { throw .badMAC }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        guard difference == 0 else { throw .badMAC }
    }
}
