import Crypto
import Foundation
import Testing

extension BotEngineTests {
    @Suite("The bot's encryption device")
    struct DeviceIdentity {
        @Test("with a pickle key the bot publishes self-signed device keys and signed one-time keys, keeps them over a restart, and refuses to start without the key")
        func deviceKeysArePublishedAndKept() async throws {
            let server = try Homeserver.shared()
            let student = try await TestUser.register(on: server, prefix: "student")
            let bot = try await BotProcess.prepare(on: server, supervisors: [student.userID], extra: ["pickle_key_file": "pickle_key"],
                                                   label: "device")
            defer { bot.kill9() }
            try Self.writePickleKey(for: bot)
            try bot.start()
            let device = bot.account.deviceID
            #expect(!device.isEmpty)

            let keys = try await Self.publishedDevice(of: bot, asSeenBy: student)
            let ed25519 = try #require(keys["keys"]?["ed25519:\(device)"]?.string)
            let curve25519 = try #require(keys["keys"]?["curve25519:\(device)"]?.string)
            #expect(keys["user_id"]?.string == bot.userID)
            #expect(keys["device_id"]?.string == device)
            #expect(keys["algorithms"] == ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"])
            #expect(try Self.verifies(keys, by: ed25519, signer: bot.userID, keyID: "ed25519:\(device)"),
                    "the device keys' self-signature does not verify: \(keys.text)")

            // Another user can claim a one-time key, signed by the same device key. Synapse stores
            // an upload's device keys before its one-time keys, so a claim right after the device
            // shows up may find none yet.
            let oneTime = try await Polling.until("a one-time key of the bot's to claim", timeout: Polling.patience) { () -> [String: JSON]? in
                try bot.checkAlive()
                let claimed = try await student.call(.post, "/_matrix/client/v3/keys/claim",
                                                     body: ["one_time_keys": [bot.userID: [device: "signed_curve25519"]]])
                return claimed["one_time_keys"]?[bot.userID]?[device]?.object.flatMap { $0.isEmpty ? nil : $0 }
            }
            let (keyID, key) = try #require(oneTime.first)
            #expect(keyID.hasPrefix("signed_curve25519:"))
            #expect(key["key"]?.string?.isEmpty == false)
            #expect(try Self.verifies(key, by: ed25519, signer: bot.userID, keyID: "ed25519:\(device)"),
                    "the one-time key's signature does not verify: \(key.text)")

            // A restart is the same device with the same keys.
            try await bot.restart()
            try await Polling.until("the restarted bot to publish its keys", timeout: Polling.patience) {
                try bot.checkAlive()
                // The restarted process's own line: the first one may have been stopped before it logged its own.
                let sinceRestart = bot.log.components(separatedBy: "[PeerBot] starting").last ?? ""
                return sinceRestart.contains("device keys published") ? true : nil
            }
            let again = try await Self.publishedDevice(of: bot, asSeenBy: student)
            #expect(again["keys"]?["ed25519:\(device)"]?.string == ed25519)
            #expect(again["keys"]?["curve25519:\(device)"]?.string == curve25519)
            let devices = try await student.call(.post, "/_matrix/client/v3/keys/query", body: ["device_keys": [bot.userID: []]])
            #expect(devices["device_keys"]?[bot.userID]?.object?.keys.sorted() == [device])

            // Without the key file, a bot that holds keys does not start.
            _ = await bot.terminate()
            let config = try String(contentsOf: bot.configURL, encoding: .utf8)
            try config.split(separator: "\n").filter { !$0.hasPrefix("pickle_key_file:") }.joined(separator: "\n")
                .appending("\n").write(to: bot.configURL, atomically: true, encoding: .utf8)
            try bot.start()
            let status = await bot.waitForExit(timeout: Polling.patience)
            #expect(status == 78, "exit status \(status.map(String.init) ?? "none: still running")")
            #expect(bot.logTail(lines: 5).contains("pickle_key_file"), "the refusal does not name pickle_key_file:\n\(bot.logTail())")
        }

        /// 32 random bytes, mode 0600, beside the config (the config names it relatively).
        static func writePickleKey(for bot: BotProcess) throws {
            let path = bot.directory.appendingPathComponent("pickle_key").path
            let bytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }

        /// The bot's device as `/keys/query` shows it to `user`, once it is there.
        static func publishedDevice(of bot: BotProcess, asSeenBy user: TestUser) async throws -> JSON {
            let device = bot.account.deviceID
            return try await Polling.until("the bot's device keys on the homeserver", timeout: Polling.patience) {
                try bot.checkAlive()
                let answer = try await user.call(.post, "/_matrix/client/v3/keys/query", body: ["device_keys": [bot.userID: []]])
                return answer["device_keys"]?[bot.userID]?[device]
            }
        }

        /// Checks `signatures[signer][keyID]` over the object's canonical JSON (Matrix: without
        /// `signatures` and `unsigned`, keys sorted, no whitespace), independently of the bot's code.
        static func verifies(_ object: JSON, by ed25519: String, signer: String, keyID: String) throws -> Bool {
            guard var members = object.object, let signature = object["signatures"]?[signer]?[keyID]?.string else { return false }
            members["signatures"] = nil
            members["unsigned"] = nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let canonical = try encoder.encode(JSON.object(members))
            guard let key = unpaddedBase64(ed25519), let signatureBytes = unpaddedBase64(signature) else { return false }
            return try Curve25519.Signing.PublicKey(rawRepresentation: key).isValidSignature(signatureBytes, for: canonical)
        }

        static func unpaddedBase64(_ text: String) -> Data? {
            Data(base64Encoded: text + String(repeating: "=", count: (4 - text.count % 4) % 4))
        }
    }
}
