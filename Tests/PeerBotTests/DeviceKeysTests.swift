import Foundation
import Logging
import MatrixClient
@testable import MatrixCrypto
import PeerBotStore
import Synchronization
import Testing
@testable import PeerBot

@Suite struct KeyStockPlanning {
    @Test func theStockIsToppedUpToHalfTheMaximum() {
        #expect(KeyStockPlan.oneTimeKeyTarget == OlmAccount.maxPublishedOneTimeKeys / 2)
        let target = KeyStockPlan.oneTimeKeyTarget
        #expect(KeyStockPlan.plan(serverCount: 0, unpublished: 0, unusedFallbackTypes: nil, hasUnpublishedFallback: false).newOneTimeKeys == target)
        #expect(KeyStockPlan.plan(serverCount: 10, unpublished: 5, unusedFallbackTypes: nil, hasUnpublishedFallback: false).newOneTimeKeys == target - 15)
        #expect(KeyStockPlan.plan(serverCount: target + 7, unpublished: 0, unusedFallbackTypes: nil, hasUnpublishedFallback: false).isEmpty)
        #expect(KeyStockPlan.plan(serverCount: -3, unpublished: 0, unusedFallbackTypes: nil, hasUnpublishedFallback: false).newOneTimeKeys == target)
        #expect(KeyStockPlan.plan(serverCount: nil, unpublished: 0, unusedFallbackTypes: nil, hasUnpublishedFallback: false).isEmpty)
    }

    @Test func aFallbackKeyIsMadeOnlyWhenTheServerSaysItsWasUsed() {
        func fallback(_ types: [String]?, pending: Bool = false) -> Bool {
            KeyStockPlan.plan(serverCount: 100, unpublished: 0, unusedFallbackTypes: types, hasUnpublishedFallback: pending).newFallbackKey
        }
        #expect(fallback([]))
        #expect(fallback(["other"]))
        #expect(!fallback(["signed_curve25519"]))
        #expect(!fallback(nil))
        #expect(!fallback([], pending: true))
    }
}

/// A homeserver for key uploads: counts the one-time keys it holds, and can fail uploads.
final class KeyServer: Sendable {
    /// The server's state, in a class of its own so the upload rule can hold on to it.
    final class Stock: Sendable {
        let state = Mutex<(count: Int, failUploads: Bool)>((0, false))
    }

    let homeserver = ScriptedHomeserver()
    private let stock = Stock()

    init(device: String?) {
        let answer = device.map { #"{"user_id":"@bot:hs","device_id":"\#($0)"}"# } ?? #"{"user_id":"@bot:hs"}"#
        homeserver.on("GET /_matrix/client/v3/account/whoami", answer)
        homeserver.on("POST /_matrix/client/v3/keys/upload") { [stock] request in
            let body = JSONValue.parse(String(decoding: request.body ?? Data(), as: UTF8.self))
            return stock.state.withLock { state in
                if state.failUploads { return TransportResponse(status: 502, body: Data(#"{"errcode":"M_UNKNOWN"}"#.utf8)) }
                state.count += body?["one_time_keys"]?.objectValue?.count ?? 0
                return TransportResponse(status: 200, body: Data(#"{"one_time_key_counts":{"signed_curve25519":\#(state.count)}}"#.utf8))
            }
        }
    }

    var count: Int { stock.state.withLock { $0.count } }
    func setFailing(_ failing: Bool) { stock.state.withLock { $0.failUploads = failing } }
    func claim(_ n: Int) { stock.state.withLock { $0.count -= n } }

    /// The canonical-JSON bodies of every upload, in order.
    var uploads: [MatrixCrypto.JSONValue] {
        homeserver.requests.filter { $0.url.hasSuffix("/keys/upload") }.compactMap {
            try? JSONDecoder().decode(MatrixCrypto.JSONValue.self, from: $0.body ?? Data())
        }
    }
}

@Suite struct DeviceKeyPublishing {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
    var databasePath: String { directory.appendingPathComponent("bot.sqlite").path }
    let pickleKey = PickleKey.random()

    func keeper(_ identity: sending DeviceIdentity, _ server: KeyServer, _ database: AppDatabase) -> DeviceKeyKeeper {
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: server.homeserver)
        return DeviceKeyKeeper(identity: identity, client: client, database: database, userID: "@bot:hs", logger: Logger(label: "test"))
    }

    func config(keyFile: String?) -> BotConfig {
        var config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@s:hs"],
                               databasePath: databasePath, timeZone: .utc)
        config.pickleKeyFile = keyFile
        return config
    }

    func writeKey(_ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("pickle_key-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]))
        return path
    }

    @Test func theFirstStartPublishesSelfSignedDeviceKeysAndSignedOneTimeKeys() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: databasePath)
        let server = KeyServer(device: "BOTDEV")
        let account = OlmAccount()
        let identityKeys = account.identityKeys
        try await keeper(DeviceIdentity(account: account, pickleKey: pickleKey, storedDeviceID: nil), server, database).start()

        let upload = try #require(server.uploads.first?.objectValue)
        let device = try #require(upload["device_keys"]?.objectValue)
        let ed25519 = try #require(device["keys"]?.objectValue?["ed25519:BOTDEV"]?.stringValue)
        #expect(ed25519 == identityKeys.ed25519)
        #expect(device["keys"]?.objectValue?["curve25519:BOTDEV"]?.stringValue == identityKeys.curve25519)
        #expect(device["user_id"] == .string("@bot:hs") && device["device_id"] == .string("BOTDEV"))
        #expect(device["algorithms"] == .array([.string("m.olm.v1.curve25519-aes-sha2"), .string("m.megolm.v1.aes-sha2")]))
        try JSONSigning.verify(device, entity: "@bot:hs", keyID: "ed25519:BOTDEV", publicKey: ed25519)
        let oneTime = try #require(upload["one_time_keys"]?.objectValue)
        #expect(oneTime.count == KeyStockPlan.oneTimeKeyTarget)
        for (id, key) in oneTime {
            #expect(id.hasPrefix("signed_curve25519:"))
            try JSONSigning.verify(try #require(key.objectValue), entity: "@bot:hs", keyID: "ed25519:BOTDEV", publicKey: ed25519)
        }
        let fallback = try #require(upload["fallback_keys"]?.objectValue?.values.first?.objectValue)
        #expect(fallback["fallback"] == .bool(true))
        try JSONSigning.verify(fallback, entity: "@bot:hs", keyID: "ed25519:BOTDEV", publicKey: ed25519)
        // A forged device-keys object does not verify.
        var forged = device
        forged["device_id"] = .string("OTHER")
        #expect(throws: CryptoError.self) { try JSONSigning.verify(forged, entity: "@bot:hs", keyID: "ed25519:BOTDEV", publicKey: ed25519) }
        #expect(server.uploads.count == 1)
        #expect(try database.read { try $0.keys.account() }?.deviceID == "BOTDEV")
    }

    @Test func theDatabaseHoldsOnlyTheSealedPickleNeverAPrivateKey() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = KeyServer(device: "BOTDEV")
        let account = OlmAccount()
        // What must never reach the file: both private keys, raw and in base64.
        let secrets = [Data(account.signingKey.rawRepresentation), Data(account.identityKey.rawRepresentation)]
        let publicKey = account.identityKeys.ed25519
        do {
            let database = try AppDatabase(path: databasePath)
            try await keeper(DeviceIdentity(account: account, pickleKey: pickleKey, storedDeviceID: nil), server, database).start()
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("bot.sqlite") }
        #expect(!files.isEmpty)
        var bytes = Data()
        for file in files { bytes += try Data(contentsOf: directory.appendingPathComponent(file)) }
        #expect(bytes.count > 0)
        for secret in secrets {
            #expect(secret.count == 32)
            #expect(bytes.range(of: secret) == nil)
            #expect(bytes.range(of: Data(UnpaddedBase64.encode(Array(secret)).utf8)) == nil)
        }
        // The public key is not secret, and not stored in the clear either: the whole account is sealed.
        #expect(bytes.range(of: Data(publicKey.utf8)) == nil)
    }

    @Test func aRestartKeepsTheDeviceAndItsKeysAndMakesNoNewAccount() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = try writeKey(Array(repeating: 7, count: 32))
        let server = KeyServer(device: "BOTDEV")
        let database = try AppDatabase(path: databasePath)
        let first = try #require(try DeviceIdentity.load(config: config(keyFile: keyFile), database: database))
        let keys = first.account.identityKeys
        try await keeper(first, server, database).start()
        let created = try #require(try database.read { try $0.keys.account() })

        let second = try #require(try DeviceIdentity.load(config: config(keyFile: keyFile), database: database))
        #expect(second.storedDeviceID == "BOTDEV")
        #expect(second.account.identityKeys == keys)
        try await keeper(second, server, database).start()
        let again = try #require(server.uploads.last?.objectValue)
        #expect(again["device_keys"]?.objectValue?["keys"]?.objectValue?["ed25519:BOTDEV"]?.stringValue == keys.ed25519)
        // The server still holds 25: no new one-time keys on restart.
        #expect(again["one_time_keys"] == nil)
        #expect(server.count == KeyStockPlan.oneTimeKeyTarget)
        #expect(try database.read { try $0.keys.account() }?.createdAt == created.createdAt)
    }

    @Test func aTokenOfAnotherDeviceIsRefusedAndNothingIsUploaded() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: databasePath)
        try database.write { try $0.keys.createAccount(deviceID: "OLD", pickle: OlmAccount().pickle(key: pickleKey), at: Date()) }
        let server = KeyServer(device: "NEW")
        let identity = DeviceIdentity(account: OlmAccount(), pickleKey: pickleKey, storedDeviceID: "OLD")
        let keys = keeper(identity, server, database)
        await #expect(throws: BotStop.self) { try await keys.start() }
        #expect(server.uploads.isEmpty)
        #expect(try database.read { try $0.keys.account() }?.deviceID == "OLD")
    }

    @Test func eachSyncTopsUpOneTimeKeysAndReplacesAUsedFallbackKey() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: databasePath)
        let server = KeyServer(device: "BOTDEV")
        let keys = keeper(DeviceIdentity(account: OlmAccount(), pickleKey: pickleKey, storedDeviceID: nil), server, database)
        try await keys.start()
        server.claim(9)
        await keys.afterSync(SyncEncryption(oneTimeKeyCounts: ["signed_curve25519": server.count], unusedFallbackKeyTypes: ["signed_curve25519"]))
        #expect(server.count == KeyStockPlan.oneTimeKeyTarget)
        #expect(server.uploads.last?.objectValue?["one_time_keys"]?.objectValue?.count == 9)
        #expect(server.uploads.last?.objectValue?["fallback_keys"] == nil)

        let before = server.uploads.count
        await keys.afterSync(SyncEncryption(oneTimeKeyCounts: ["signed_curve25519": server.count], unusedFallbackKeyTypes: ["signed_curve25519"]))
        await keys.afterSync(SyncEncryption())
        #expect(server.uploads.count == before)

        await keys.afterSync(SyncEncryption(oneTimeKeyCounts: ["signed_curve25519": server.count], unusedFallbackKeyTypes: []))
        let fallback = try #require(server.uploads.last?.objectValue?["fallback_keys"]?.objectValue)
        #expect(fallback.count == 1)
        #expect(server.uploads.last?.objectValue?["one_time_keys"] == nil)
    }

    @Test func aFailedUploadIsRetriedAfterTheNextSyncWithTheSameKeys() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: databasePath)
        let server = KeyServer(device: "BOTDEV")
        let keys = keeper(DeviceIdentity(account: OlmAccount(), pickleKey: pickleKey, storedDeviceID: nil), server, database)
        try await keys.start()
        server.claim(5)
        server.setFailing(true)
        await keys.afterSync(SyncEncryption(oneTimeKeyCounts: ["signed_curve25519": server.count]))
        let failed = try #require(server.uploads.last?.objectValue?["one_time_keys"]?.objectValue)
        server.setFailing(false)
        await keys.afterSync(SyncEncryption(oneTimeKeyCounts: ["signed_curve25519": server.count]))
        let retried = try #require(server.uploads.last?.objectValue?["one_time_keys"]?.objectValue)
        #expect(Set(retried.keys) == Set(failed.keys))
        #expect(failed.count == 5)
        #expect(server.count == KeyStockPlan.oneTimeKeyTarget)
    }

    @Test func withoutAPickleKeyTheBotRefusesOnceItHoldsKeys() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: databasePath)
        #expect(try DeviceIdentity.load(config: config(keyFile: nil), database: database) == nil)
        try database.write { try $0.keys.createAccount(deviceID: "BOTDEV", pickle: OlmAccount().pickle(key: pickleKey), at: Date()) }
        do {
            _ = try DeviceIdentity.load(config: config(keyFile: nil), database: database)
            Issue.record("a bot holding keys must not start without pickle_key_file")
        } catch let stop as BotStop {
            #expect(stop.exitStatus == 78)
            #expect(stop.description.contains("pickle_key_file"))
            #expect(stop.description.contains("BOTDEV"))
        }
    }

    @Test func anotherKeyIsRefusedNamingTheKeyFile() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: databasePath)
        try database.write { try $0.keys.createAccount(deviceID: "BOTDEV", pickle: OlmAccount().pickle(key: pickleKey), at: Date()) }
        let other = try writeKey(Array(repeating: 1, count: 32))
        #expect { try DeviceIdentity.load(config: config(keyFile: other), database: database) } throws: { error in
            "\(error)".contains("pickle_key_file: \(other) is not the key")
        }
    }
}
