// libFuzzer harness over the decoders of the Megolm specification ("Message format",
// "Session sharing format"), the Olm specification ("Message format"), the pickles and
// canonical JSON. Compiled together with Sources/MatrixCrypto by scripts/fuzz.sh; every input
// must end in a value or a CryptoError, never a trap or an unbounded allocation.

import Foundation

/// A fixed Megolm session, so decrypt paths run on every input.
nonisolated(unsafe) let megolmOutbound = MegolmOutboundSession(
    ratchet: try! MegolmRatchet(bytes: [UInt8](repeating: 0x5A, count: 128), index: 0),
    signingKey: try! .init(rawRepresentation: [UInt8](repeating: 0x11, count: 32)))
nonisolated(unsafe) let megolmInbound = try! MegolmInboundSession(sessionKey: megolmOutbound.sessionKey)
let pickleKey = try! PickleKey([UInt8](repeating: 0x42, count: 32))

/// A new one-time key of `olmAccount`, as a peer would claim it.
func freshOneTimeKey() -> String {
    olmAccount.generateOneTimeKeys(count: 1)
    defer { olmAccount.markKeysAsPublished() }
    return olmAccount.unpublishedOneTimeKeys.last?.key ?? ""
}

/// An Olm account and a session with a message received, so both decrypt paths are live.
nonisolated(unsafe) let olmAccount = OlmAccount()
nonisolated(unsafe) let olmSession: OlmSession = {
    let alice = OlmAccount()
    let key = freshOneTimeKey()
    do {
        let outbound = try alice.createOutboundSession(theirIdentityKey: olmAccount.identityKeys.curve25519, theirOneTimeKey: key)
        guard case .preKey(let preKey) = try outbound.encrypt(Array("hello".utf8)) else { fatalError("no pre-key message") }
        return try olmAccount.createInboundSession(theirIdentityKey: alice.identityKeys.curve25519, preKey).session
    } catch {
        fatalError("fuzz setup: no Olm session (\(error))")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = input.first else { return 0 }
    let body = Array(input.dropFirst())
    switch selector % 8 {
    case 0:
        _ = try? MegolmMessage(bytes: body)
        _ = try? megolmInbound.decrypt(bytes: body)
        // The batch path: MAC and decryption first, the signature checked after.
        if let read = try? megolmInbound.decrypt(UnpaddedBase64.encode(body), signature: .deferred) { _ = try? read.signature.verify() }
    case 1:
        _ = try? MegolmInboundSession(sessionKey: UnpaddedBase64.encode(body))
        if let session = try? MegolmInboundSession(exportedKey: UnpaddedBase64.encode(body)) {
            _ = session.exportKey(at: session.firstKnownIndex &+ 300)
            _ = try? session.decrypt(bytes: megolmOutbound.encryptBytes([1, 2, 3]))
        }
    case 2:
        // The pickle parsers behind the AES-GCM seal, fed fuzzed plaintext.
        let sealed = UnpaddedBase64.encode(PickleBox.seal(body, key: pickleKey))
        _ = try? MegolmInboundSession(pickle: sealed, key: pickleKey)
        _ = try? MegolmOutboundSession(pickle: sealed, key: pickleKey)
        _ = try? OlmAccount(pickle: sealed, key: pickleKey)
        _ = try? OlmSession(pickle: sealed, key: pickleKey)
    case 3:
        _ = try? PickleBox.open(body, key: pickleKey)
        _ = try? UnpaddedBase64.decode(String(decoding: body, as: UTF8.self))
    case 4:
        if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) {
            _ = try? CanonicalJSON.encode(value)
        }
    case 5:
        if let message = try? OlmNormalMessage(bytes: body) { _ = try? olmSession.decrypt(.normal(message)) }
    case 6:
        if let message = try? OlmPreKeyMessage(bytes: body) {
            _ = try? olmSession.decrypt(.preKey(message))
            _ = try? olmAccount.createInboundSession(message)
        }
    default:
        var reader = ProtoReader(body[...])
        var fields = 0
        while fields < 10_000, (try? reader.next()).flatMap({ $0 }) != nil { fields += 1 }
    }
    return 0
}

/// Writes one well-formed input per decoder into $FUZZ_SEED_DIR, so the fuzzer starts from
/// real messages, keys and pickles instead of discovering the formats from nothing.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let directory = ProcessInfo.processInfo.environment["FUZZ_SEED_DIR"] else { return 0 }
    func plainPickle(_ sealed: String) -> [UInt8] {
        (try? PickleBox.open(UnpaddedBase64.decode(sealed), key: pickleKey)) ?? []
    }
    let alice = OlmAccount()
    let key = freshOneTimeKey()
    let preKey: OlmPreKeyMessage
    do {
        let outbound = try alice.createOutboundSession(theirIdentityKey: olmAccount.identityKeys.curve25519, theirOneTimeKey: key)
        guard case .preKey(let message) = try outbound.encrypt(Array("seed".utf8)) else { return 0 }
        preKey = message
    } catch {
        FileHandle.standardError.write(Data("fuzz seeds: no Olm session (\(error))\n".utf8))
        return 0
    }
    let seeds: [String: [UInt8]] = [
        "megolm-message": [0] + megolmOutbound.encryptBytes(Array("seed message".utf8)),
        "megolm-session-key": [1] + (try! UnpaddedBase64.decode(megolmOutbound.sessionKey)),
        "megolm-exported-key": [1] + (try! UnpaddedBase64.decode(megolmInbound.exportKeyAtFirstKnownIndex())),
        "megolm-inbound-pickle": [2] + plainPickle(megolmInbound.pickle(key: pickleKey)),
        "megolm-outbound-pickle": [2] + plainPickle(megolmOutbound.pickle(key: pickleKey)),
        "olm-account-pickle": [2] + plainPickle(olmAccount.pickle(key: pickleKey)),
        "olm-session-pickle": [2] + plainPickle(olmSession.pickle(key: pickleKey)),
        "sealed-pickle": [3] + (try! UnpaddedBase64.decode(megolmInbound.pickle(key: pickleKey))),
        "json": [4] + Array(#"{"a":[1,true,null,"\u00e9"],"b":{"c":-5}}"#.utf8),
        "olm-normal": [5] + preKey.message.bytes,
        "olm-prekey": [6] + preKey.bytes,
        "proto": [7, 0x08, 0x96, 0x01, 0x12, 0x02, 0xAA, 0xBB],
    ]
    for (name, bytes) in seeds {
        _ = FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: Data(bytes))
    }
    return 0
}
