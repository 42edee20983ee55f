// Errors of the Olm and Megolm specifications' decryption steps and of the Matrix spec's
// "End-to-End Encryption" module (signed JSON, attachments), as one typed enum.

/// Why a cryptographic operation refused its input; never carries secret material.
public enum CryptoError: Error, Equatable, Sendable {
    /// A message authentication code did not match: the message was altered or the key is wrong.
    case badMAC
    /// The message's index lies before the first index this session knows.
    case unknownMessageIndex
    /// An Ed25519 signature did not verify.
    case badSignature
    /// A pickle did not open under the given key.
    case wrongPickleKey
    /// The bytes do not have the structure the format requires; the text says which part.
    case malformed(String)
    /// The version byte names a format this implementation does not read.
    case unsupportedVersion(UInt8)
    /// The text is not standard base64.
    case badBase64
    /// A key has the wrong length or is not a valid point.
    case badKey
    /// A pre-key message names a one-time key this account does not hold.
    case missingOneTimeKey
    /// Reaching the message would mean storing more skipped keys than the bound allows.
    case tooManySkippedKeys
    /// The attachment's SHA-256 does not match the one in its `file` object.
    case badHash
    /// A JSON value cannot be written as canonical JSON (a float, a non-finite number, too deep).
    case notCanonical(String)
}
