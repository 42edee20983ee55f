// Olm specification, "The Olm Algorithm": initial setup by triple Diffie-Hellman and
// HKDF-SHA-256 ("OLM_ROOT"), advancing the root key ("OLM_RATCHET"), advancing the chain key
// (HMAC of 0x02) and creating a message key (HMAC of 0x01).

import Crypto

/// The key derivations of the Olm double ratchet, on swift-crypto's X25519, HKDF and HMAC.
enum OlmKeyDerivation {
    static let keyLength = 32

    /// X25519 of our private key and their public key. An all-zero result means their key is a
    /// low-order point that would make the secret predictable, so it is refused as `.badKey`.
    static func diffieHellman(_ ours: Curve25519.KeyAgreement.PrivateKey, _ theirs: [UInt8]) throws(CryptoError) -> SecretBytes {
        guard theirs.count == keyLength else { throw .badKey }
        let secret: SharedSecret
        do {
            let publicKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: theirs)
            secret = try ours.sharedSecretFromKeyAgreement(with: publicKey)
        } catch {
            throw .badKey
        }
        let isZero = secret.withUnsafeBytes { $0.reduce(UInt8(0)) { $0 | $1 } == 0 }
        guard !isZero else { throw .badKey }
        return secret.withUnsafeBytes { SecretBytes($0) }
    }

    /// R0 ∥ C0,0 = HKDF(0, S, "OLM_ROOT", 64), S being the three agreements concatenated in
    /// the specification's order: ECDH(I_A, E_B) ∥ ECDH(E_A, I_B) ∥ ECDH(E_A, E_B).
    static func initialKeys(_ first: SecretBytes, _ second: SecretBytes, _ third: SecretBytes) -> (root: SecretBytes, chain: SecretBytes) {
        var material: [UInt8] = []
        material.reserveCapacity(96)
        for part in [first, second, third] { part.withUnsafeBytes { material.append(contentsOf: $0) } }
        defer { material.withUnsafeMutableBytes { zeroize($0) } }
        return split(hkdf(material, salt: [], info: "OLM_ROOT", count: 64))
    }

    /// R_i ∥ C_i,0 = HKDF(R_i-1, ECDH(T_i-1, T_i), "OLM_RATCHET", 64).
    static func advanceRoot(_ root: SecretBytes, agreement: SecretBytes) -> (root: SecretBytes, chain: SecretBytes) {
        var salt = root.bytes
        var material = agreement.bytes
        defer {
            salt.withUnsafeMutableBytes { zeroize($0) }
            material.withUnsafeMutableBytes { zeroize($0) }
        }
        return split(hkdf(material, salt: salt, info: "OLM_RATCHET", count: 64))
    }

    /// C_i,j+1 = HMAC(C_i,j, "\x02").
    static func nextChainKey(_ chainKey: SecretBytes) -> SecretBytes {
        hmac(chainKey, [0x02])
    }

    /// M_i,j = HMAC(C_i,j, "\x01").
    static func messageKey(_ chainKey: SecretBytes) -> SecretBytes {
        hmac(chainKey, [0x01])
    }

    /// HKDF-SHA-256 with the given salt (empty is the RFC 5869 default of zeros).
    static func hkdf(_ material: [UInt8], salt: [UInt8], info: String, count: Int) -> SecretBytes {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: material), salt: salt,
                                             info: Array(info.utf8), outputByteCount: count)
        return derived.withUnsafeBytes { SecretBytes($0) }
    }

    static func hmac(_ key: SecretBytes, _ data: [UInt8]) -> SecretBytes {
        let code = key.withUnsafeBytes { HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: $0)) }
        return code.withUnsafeBytes { SecretBytes($0) }
    }

    /// The first and second halves of a 64-byte derivation.
    private static func split(_ output: SecretBytes) -> (root: SecretBytes, chain: SecretBytes) {
        output.withUnsafeBytes { bytes in
            (SecretBytes(bytes[0..<32]), SecretBytes(bytes[32..<64]))
        }
    }
}
