import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Synchronization
import Crypto
import Testing
@testable import PeerBot

/// A member's device as a client runs it: an Olm account whose keys the fake homeserver lists
/// and hands out, and the room keys it has read from the bot's to-device messages.
final class MemberDevice: @unchecked Sendable {
    let userID: String
    let deviceID: String
    let account = OlmAccount()
    var inbound: [String: MegolmInboundSession] = [:]
    private var sessions: [OlmSession] = []

    init(userID: String, deviceID: String) {
        self.userID = userID
        self.deviceID = deviceID
        account.generateOneTimeKeys(count: 5)
    }

    var curve: String { account.identityKeys.curve25519 }

    /// The signed `device_keys` object `/keys/query` returns.
    func deviceKeys() throws -> ClientJSON {
        try ClientJSON.parse(String(decoding: JSONEncoder().encode(MatrixCrypto.JSONValue.object(
            DeviceKeyDocuments.deviceKeys(account, userID: userID, deviceID: deviceID))), as: UTF8.self))!
    }

    /// One signed one-time key, as `/keys/claim` returns it (each claimed once).
    func claimOneTimeKey() throws -> ClientJSON? {
        guard let key = account.unpublishedOneTimeKeys.first else { return nil }
        let signed = try DeviceKeyDocuments.signedKeys([key], fallback: false, account, userID: userID, deviceID: deviceID)
        account.markKeysAsPublished()
        account.generateOneTimeKeys(count: 1)
        return try ClientJSON.parse(String(decoding: JSONEncoder().encode(MatrixCrypto.JSONValue.object(signed)), as: UTF8.self))
    }

    /// Reads a to-device `m.room.encrypted` content addressed to this device; returns the Olm plaintext.
    @discardableResult
    func receive(_ content: ClientJSON, from botCurve: String) throws -> ClientJSON {
        let mine = try #require(content["ciphertext"]?[curve])
        let message = try OlmMessage(type: Int(try #require(mine["type"]?.intValue)), body: try #require(mine["body"]?.stringValue))
        var plaintext: [UInt8]?
        for session in sessions { if let bytes = try? session.decrypt(message) { plaintext = bytes; break } }
        if plaintext == nil, case .preKey(let preKey) = message {
            let created = try account.createInboundSession(theirIdentityKey: botCurve, preKey)
            sessions.append(created.session)
            plaintext = created.plaintext
        }
        let bytes = try #require(plaintext)
        let json = try #require(ClientJSON.parse(String(decoding: bytes, as: UTF8.self)))
        if json["type"] == "m.room_key", let key = json["content"]?["session_key"]?.stringValue,
           let id = json["content"]?["session_id"]?.stringValue {
            inbound[id] = try MegolmInboundSession(sessionKey: key)
        }
        return json
    }

    /// The plaintext event of an `m.room.encrypted` room event, with its Megolm index.
    func read(_ content: ClientJSON) throws -> (event: ClientJSON, index: UInt32)? {
        guard let id = content["session_id"]?.stringValue, let session = inbound[id],
              let ciphertext = content["ciphertext"]?.stringValue else { return nil }
        let (bytes, index) = try session.decrypt(ciphertext)
        return (try #require(ClientJSON.parse(String(decoding: bytes, as: UTF8.self))), index)
    }
}

/// An encrypted room on a scripted homeserver: its members and their devices, `/keys/query`,
/// `/keys/claim`, `/sendToDevice` and room sends, each recorded; the bot's device stored as
/// `DeviceKeyKeeper` leaves it.
final class EncryptedRoomFixture: @unchecked Sendable {
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()
    let clock = TestClock()
    let pickleKey = PickleKey.random()
    let botAccount = OlmAccount()
    let room = "!g:hs"
    let state = Mutex<(members: [String: String], devices: [String: [MemberDevice]])>(([:], [:]))
    /// Fails the next N requests whose line contains the key, with a transport error (no answer).
    let failures = Mutex<[String: Int]>([:])

    init() throws {
        let pickle = botAccount.pickle(key: pickleKey)
        try database.write { try $0.keys.createAccount(deviceID: "BOTDEV", pickle: pickle, at: Date()) }
        homeserver.on("GET /_matrix/client/v3/rooms/!g:hs/state/m.room.encryption", #"{"algorithm":"m.megolm.v1.aes-sha2"}"#)
        homeserver.on("GET /_matrix/client/v3/rooms/!g:hs/members") { [unowned self] _ in
            let chunk = self.state.withLock { $0.members }.map { user, membership -> ClientJSON in
                ["type": "m.room.member", "state_key": .string(user), "content": ["membership": .string(membership)]]
            }
            return Self.ok(["chunk": .array(chunk)])
        }
        homeserver.on("POST /_matrix/client/v3/keys/query") { [unowned self] request in
            let users = (Self.body(request)["device_keys"]?.objectValue ?? [:]).keys
            let devices = self.state.withLock { $0.devices }
            var answer: [String: ClientJSON] = [:]
            for user in users {
                answer[user] = .object(Dictionary(uniqueKeysWithValues: (devices[user] ?? []).map { ($0.deviceID, try! $0.deviceKeys()) }))
            }
            return Self.ok(["device_keys": .object(answer)])
        }
        homeserver.on("POST /_matrix/client/v3/keys/claim") { [unowned self] request in
            let wanted = Self.body(request)["one_time_keys"]?.objectValue ?? [:]
            let devices = self.state.withLock { $0.devices }
            var answer: [String: ClientJSON] = [:]
            for (user, ids) in wanted {
                var perDevice: [String: ClientJSON] = [:]
                for device in devices[user] ?? [] where ids[device.deviceID] != nil {
                    perDevice[device.deviceID] = try! device.claimOneTimeKey()
                }
                answer[user] = .object(perDevice)
            }
            return Self.ok(["one_time_keys": .object(answer)])
        }
        homeserver.on("PUT /_matrix/client/v3/sendToDevice/") { _ in Self.ok([:]) }
        homeserver.on("PUT /_matrix/client/v3/rooms/") { request in
            Self.ok(["event_id": .string("$" + String(request.url.split(separator: "/").last ?? ""))])
        }
    }

    func add(_ device: MemberDevice, membership: String = "join") {
        state.withLock {
            $0.members[device.userID] = membership
            $0.devices[device.userID, default: []].append(device)
        }
    }

    func replaceDevice(of userID: String, with device: MemberDevice) {
        state.withLock { $0.devices[userID] = ($0.devices[userID] ?? []).filter { $0.deviceID != device.deviceID } + [device] }
    }

    func removeMember(_ userID: String) {
        _ = state.withLock { $0.members.removeValue(forKey: userID) }
    }

    var botCurve: String { botAccount.identityKeys.curve25519 }

    /// A fresh sender (as after a restart) on the same store and homeserver.
    func sender() -> OutboxSender {
        let clock = self.clock
        let failing = FailingTransport(inner: homeserver, fixture: self)
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: failing)
        let encryptor = RoomEncryptor(client: client, database: database, pickleKey: pickleKey, userID: "@bot:hs", language: .en,
                                      logger: Logger(label: "test"), now: { clock.now })
        return OutboxSender(client: client, database: database, wakeup: Wakeup(), logger: Logger(label: "test"), botUserID: "@bot:hs",
                            encryptor: encryptor, now: { clock.now })
    }

    @discardableResult
    func enqueue(_ action: OutboxAction) throws -> OutboxItem {
        try database.write { [clock] in try $0.outbox.enqueue(action, at: clock.now) }
    }

    func message(_ body: String) throws -> OutboxItem {
        try enqueue(.send(roomID: room, eventType: "m.room.message", contentJSON: ClientJSON.object(["msgtype": "m.notice", "body": .string(body)]).jsonString()))
    }

    /// Sends until nothing is due, moving the clock past each back-off.
    func drain(_ sender: OutboxSender, rounds: Int = 50) async throws {
        for _ in 0..<rounds {
            if try await sender.sendNext() { continue }
            guard try database.read({ try $0.outbox.counts() }).pending > 0,
                  let next = try database.read({ try $0.outbox.nextAttempt() }) else { return }
            clock.advance(to: next)
        }
    }

    /// The bodies of requests whose line contains `match`, in order.
    func bodies(_ match: String) -> [ClientJSON] {
        homeserver.requests.filter { ($0.method + " " + ($0.url.removingPercentEncoding ?? $0.url)).contains(match) }.map(Self.body)
    }

    func urls(_ match: String) -> [String] {
        homeserver.requests.map { $0.method + " " + ($0.url.removingPercentEncoding ?? $0.url) }.filter { $0.contains(match) }
    }

    /// Every to-device message so far delivered to `device` (its content for that device).
    func deliver(to device: MemberDevice) throws {
        for body in bodies("/sendToDevice/") {
            if let content = body["messages"]?[device.userID]?[device.deviceID], content["ciphertext"]?[device.curve] != nil,
               !delivered.withLock({ $0.contains(content.jsonString() + device.deviceID) }) {
                delivered.withLock { _ = $0.insert(content.jsonString() + device.deviceID) }
                try device.receive(content, from: botCurve)
            }
        }
    }
    private let delivered = Mutex<Set<String>>([])

    static func ok(_ json: ClientJSON) -> TransportResponse { TransportResponse(status: 200, body: Data(json.jsonString().utf8)) }
    static func body(_ request: TransportRequest) -> ClientJSON { request.body.flatMap { ClientJSON.parse(String(decoding: $0, as: UTF8.self)) } ?? [:] }
}

/// Passes requests on, except that some fail as if the connection dropped after the request
/// reached the homeserver: it acted on them, but the bot never heard back.
final class FailingTransport: HTTPTransport {
    let inner: ScriptedHomeserver
    let fixture: EncryptedRoomFixture

    init(inner: ScriptedHomeserver, fixture: EncryptedRoomFixture) {
        self.inner = inner
        self.fixture = fixture
    }

    struct Dropped: Error {}

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let line = request.method + " " + (request.url.removingPercentEncoding ?? request.url)
        let failing = fixture.failures.withLock { table -> Bool in
            guard let key = table.keys.first(where: { line.contains($0) }), let left = table[key], left > 0 else { return false }
            table[key] = left - 1
            return true
        }
        // The homeserver got it (and records it); the answer is lost on the way back.
        let answer = try await inner.send(request)
        if failing { throw MatrixClientError.transport(String(describing: Dropped())) }
        return answer
    }
}

extension EncryptedRoomFixture {
    /// The signed device keys of the member's first device.
    func deviceKeys(of userID: String) throws -> ClientJSON {
        try #require(state.withLock { $0.devices[userID]?.first }).deviceKeys()
    }
}

/// A user's master and self-signing keys, the second signed by the first, as clients publish them.
struct Curve25519SigningKeys {
    let masterKey = Curve25519.Signing.PrivateKey()
    let selfSigningKey = Curve25519.Signing.PrivateKey()

    private static func b64(_ key: Curve25519.Signing.PrivateKey) -> String { UnpaddedBase64.encode(key.publicKey.rawRepresentation) }

    func master(for userID: String) -> ClientJSON {
        let key = Self.b64(masterKey)
        return ["user_id": .string(userID), "usage": ["master"], "keys": .object(["ed25519:\(key)": .string(key)])]
    }

    func selfSigning(for userID: String) -> ClientJSON {
        let key = Self.b64(selfSigningKey)
        let object: [String: MatrixCrypto.JSONValue] = ["user_id": .string(userID), "usage": .array([.string("self_signing")]),
                                                       "keys": .object(["ed25519:\(key)": .string(key)])]
        let signed = try! JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(Self.b64(masterKey))", key: masterKey)
        return ClientJSON.parse(String(decoding: try! JSONEncoder().encode(MatrixCrypto.JSONValue.object(signed)), as: UTF8.self))!
    }
}
