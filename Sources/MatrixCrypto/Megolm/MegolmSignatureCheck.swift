// Megolm specification, "Decrypting a message": the receiver checks the Ed25519 signature over
// the whole message with the session's signing key, which is also the session id. The check needs
// no ratchet state, so the messages of a whole sync batch can be checked apart from their
// decryption, and on every core.

import Crypto
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A Megolm message taken apart, whose signature has been checked with one signing key.
/// Only `MegolmSignatureCheck` makes them, so holding one means the check was made.
public struct CheckedMegolmMessage: Sendable {
    let message: MegolmMessage
    /// The raw 32 bytes of the key the signature verified under.
    let signer: [UInt8]
}

/// Checks the signatures of many Megolm messages at once, spread over the cores.
public enum MegolmSignatureCheck {
    /// Below this many messages the threads cost more than they save.
    static let parallelThreshold = 8

    /// For each `(ciphertext, sessionID)`: the message with its signature checked against the
    /// signing key the session id names, or nil when the ciphertext is not a Megolm message, the
    /// session id is not a key or the signature does not verify. Results are in input order.
    /// A nil is no verdict: the session's own `decrypt` then checks and says why it refuses.
    public static func check(_ messages: [(ciphertext: String, sessionID: String)]) -> [CheckedMegolmMessage?] {
        // Parsing is cheap and keeps no state; the keys are read once per session.
        var keys: [String: Curve25519.Signing.PublicKey?] = [:]
        let parsed: [Parsed?] = messages.map { item in
            let key: Curve25519.Signing.PublicKey?
            if let known = keys[item.sessionID] {
                key = known
            } else {
                key = try? Ed25519.publicKey(item.sessionID)
                keys[item.sessionID] = key
            }
            guard let key, let bytes = try? UnpaddedBase64.decode(item.ciphertext),
                  let message = try? MegolmMessage(bytes: bytes) else { return nil }
            return (message, key)
        }
        return verify(parsed)
    }

    private typealias Parsed = (message: MegolmMessage, key: Curve25519.Signing.PublicKey)

    /// The Ed25519 checks themselves: one contiguous share of the messages per core.
    private static func verify(_ parsed: [Parsed?]) -> [CheckedMegolmMessage?] {
        var results = [CheckedMegolmMessage?](repeating: nil, count: parsed.count)
        let cores = ActiveCores.count
        guard parsed.count >= parallelThreshold, cores > 1 else {
            for index in parsed.indices { results[index] = verify(parsed[index]) }
            return results
        }
        let shares = min(cores, parsed.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                let range = (parsed.count * share / shares)..<(parsed.count * (share + 1) / shares)
                for index in range { slots.base[index] = verify(parsed[index]) }
            }
        }
        return results
    }

    private static func verify(_ parsed: Parsed?) -> CheckedMegolmMessage? {
        guard let (message, key) = parsed,
              (try? Ed25519.verify(signature: message.signature, of: message.signatureInput, by: key)) != nil else { return nil }
        return CheckedMegolmMessage(message: message, signer: Array(key.rawRepresentation))
    }

    /// The result slots, shared by the threads: each share writes only its own range, so no two
    /// threads touch the same element, and all are done before the array is read.
    private struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<CheckedMegolmMessage?>
    }
}

/// How many cores may run at once, read once.
enum ActiveCores {
    static let count: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }()
}
