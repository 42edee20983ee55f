// Matrix spec, Appendices, "Signing JSON" and "Checking for a signature": remove `signatures`
// and `unsigned`, sign the canonical JSON with Ed25519, store it under entity and key id.

import Crypto

/// Signs and verifies JSON objects the way Matrix signs device keys and events.
public enum JSONSigning {
    /// The canonical bytes that a signature covers: the object without `signatures` and `unsigned`.
    public static func signedBytes(of object: [String: JSONValue]) throws(CryptoError) -> [UInt8] {
        var stripped = object
        stripped["signatures"] = nil
        stripped["unsigned"] = nil
        return try CanonicalJSON.encode(.object(stripped))
    }

    /// `object` with a signature by `key` added under `signatures[entity][keyID]`; other signatures stay.
    public static func sign(_ object: [String: JSONValue], entity: String, keyID: String,
                            key: Curve25519.Signing.PrivateKey) throws(CryptoError) -> [String: JSONValue] {
        try sign(object, entity: entity, keyID: keyID) { bytes in
            // Ed25519 signing over a byte buffer cannot fail with a valid key.
            UnpaddedBase64.encode(try! key.signature(for: bytes))
        }
    }

    /// As `sign(_:entity:keyID:key:)`, with the signature made by `signer` (an account's key).
    public static func sign(_ object: [String: JSONValue], entity: String, keyID: String,
                            signer: ([UInt8]) -> String) throws(CryptoError) -> [String: JSONValue] {
        let signature = signer(try signedBytes(of: object))
        var signed = object
        var signatures = object["signatures"]?.objectValue ?? [:]
        var byEntity = signatures[entity]?.objectValue ?? [:]
        byEntity[keyID] = .string(signature)
        signatures[entity] = .object(byEntity)
        signed["signatures"] = .object(signatures)
        return signed
    }

    /// Checks the signature under `signatures[entity][keyID]` against the Ed25519 `publicKey`
    /// (unpadded base64); throws `.badSignature` when it is missing or does not verify.
    public static func verify(_ object: [String: JSONValue], entity: String, keyID: String,
                              publicKey: String) throws(CryptoError) {
        guard let signatureText = object["signatures"]?.objectValue?[entity]?.objectValue?[keyID]?.stringValue else {
            throw .badSignature
        }
        let key = try Ed25519.publicKey(publicKey)
        let signature = try UnpaddedBase64.decode(signatureText)
        guard signature.count == 64, key.isValidSignature(signature, for: try signedBytes(of: object)) else {
            throw .badSignature
        }
    }
}
