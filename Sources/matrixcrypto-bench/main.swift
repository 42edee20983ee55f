// Benchmark of the Megolm specification's "Encrypting a message" / "Decrypting a message" and
// the Olm specification's "Initial setup", beside vodozemac's figures from the same run.
//
//   swift run -c release matrixcrypto-bench [MEGOLM_COUNT] [OLM_COUNT]

import Foundation
import MatrixCrypto

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let megolmCount = arguments.first ?? 20_000
let olmCount = arguments.dropFirst().first ?? 1_000
let messageSize = 1024

/// Operations per second over `count` operations taking `duration`.
func rate(_ count: Int, _ duration: Duration) -> Double {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return seconds > 0 ? Double(count) / seconds : 0
}

func megolm() throws -> (encrypt: Double, decrypt: Double) {
    let outbound = MegolmOutboundSession()
    let inbound = try MegolmInboundSession(sessionKey: outbound.sessionKey)
    let plaintext = [UInt8](repeating: UInt8(ascii: "x"), count: messageSize)
    let clock = ContinuousClock()
    var messages: [String] = []
    messages.reserveCapacity(megolmCount)
    let encrypt = clock.measure { for _ in 0..<megolmCount { messages.append(outbound.encrypt(plaintext)) } }
    let decrypt = try clock.measure { for message in messages { _ = try inbound.decrypt(message) } }
    return (rate(megolmCount, encrypt), rate(megolmCount, decrypt))
}

/// Outbound session from a claimed one-time key, its first (pre-key) message, and the inbound
/// session made from it; one-time keys are made in batches outside the timed part.
func olmSetup() throws -> Double {
    let alice = OlmAccount()
    let bob = OlmAccount()
    let clock = ContinuousClock()
    var elapsed = Duration.zero
    var done = 0
    while done < olmCount {
        bob.generateOneTimeKeys(count: min(50, olmCount - done))
        let keys = bob.unpublishedOneTimeKeys.map(\.key)
        bob.markKeysAsPublished()
        elapsed += try clock.measure {
            for key in keys {
                let outbound = try alice.createOutboundSession(theirIdentityKey: bob.identityKeys.curve25519, theirOneTimeKey: key)
                guard case .preKey(let message) = try outbound.encrypt(Array("hello".utf8)) else { continue }
                _ = try bob.createInboundSession(theirIdentityKey: alice.identityKeys.curve25519, message)
            }
        }
        done += keys.count
    }
    return rate(done, elapsed)
}

/// vodozemac's figures, from scripts/matrixcrypto_bench.py in the project venv.
func reference() -> [String: Any]? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let process = Process()
    process.executableURL = root.appendingPathComponent(".local/venv/bin/python")
    process.arguments = [root.appendingPathComponent("scripts/matrixcrypto_bench.py").path,
                         String(megolmCount), String(messageSize), String(olmCount)]
    let output = Pipe()
    process.standardOutput = output
    guard (try? process.run()) != nil else { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
}

func column(_ value: Double?) -> String {
    guard let value else { return "n/a".padding(toLength: 14, withPad: " ", startingAt: 0) }
    let text = String(format: "%.0f", value)
    return String(repeating: " ", count: max(0, 14 - text.count)) + text
}

let ours = try megolm()
let oursOlm = try olmSetup()
let theirs = reference()
print("MatrixCrypto beside vodozemac \(theirs?["version"] as? String ?? "(not found: run scripts/synapse.sh install)"), same run")
print("Megolm: \(megolmCount) messages of \(messageSize) bytes; Olm: \(olmCount) session setups")
print("operation                    " + "MatrixCrypto/s".padding(toLength: 14, withPad: " ", startingAt: 0) + "   vodozemac/s")
for (name, mine, reference) in [("Megolm encrypt 1 KB", ours.encrypt, theirs?["megolm_encrypt"] as? Double),
                                ("Megolm decrypt 1 KB", ours.decrypt, theirs?["megolm_decrypt"] as? Double),
                                ("Olm session setup", oursOlm, theirs?["olm_setup"] as? Double)] {
    print(name.padding(toLength: 29, withPad: " ", startingAt: 0) + column(mine) + "   " + column(reference))
}
