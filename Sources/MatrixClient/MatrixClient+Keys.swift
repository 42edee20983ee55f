import Foundation

/// The answer to `/keys/query`: every device's signed keys by user, as the server returned them.
public struct KeysQueryResponse: Decodable, Sendable {
    /// `device_keys[user][device]`: the signed device-keys object, unchecked.
    public var deviceKeys: [String: [String: JSONValue]]
    /// Servers that did not answer, by server name.
    public var failures: [String: JSONValue]
    public var masterKeys: [String: JSONValue]
    public var selfSigningKeys: [String: JSONValue]
    public var userSigningKeys: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case failures
        case deviceKeys = "device_keys", masterKeys = "master_keys"
        case selfSigningKeys = "self_signing_keys", userSigningKeys = "user_signing_keys"
    }

    public init(from decoder: any Decoder) throws {
        // One user's odd entry must not hide every other user's devices: read leniently.
        let c = try decoder.container(keyedBy: CodingKeys.self)
        deviceKeys = Self.object(c, .deviceKeys).compactMapValues { $0.objectValue }
        failures = Self.object(c, .failures)
        masterKeys = Self.object(c, .masterKeys)
        selfSigningKeys = Self.object(c, .selfSigningKeys)
        userSigningKeys = Self.object(c, .userSigningKeys)
    }

    private static func object(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> [String: JSONValue] {
        ((try? c.decodeIfPresent(JSONValue.self, forKey: key)) ?? nil)?.objectValue ?? [:]
    }
}

/// The answer to `/keys/claim`: `one_time_keys[user][device]["signed_curve25519:ID"]`.
public struct KeysClaimResponse: Decodable, Sendable {
    public var oneTimeKeys: [String: [String: [String: JSONValue]]]
    public var failures: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case failures
        case oneTimeKeys = "one_time_keys"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let users = ((try? c.decodeIfPresent(JSONValue.self, forKey: .oneTimeKeys)) ?? nil)?.objectValue ?? [:]
        oneTimeKeys = users.compactMapValues { devices in
            devices.objectValue?.compactMapValues { $0.objectValue }
        }
        failures = ((try? c.decodeIfPresent(JSONValue.self, forKey: .failures)) ?? nil)?.objectValue ?? [:]
    }
}

extension MatrixClient {
    /// Publishes device keys, one-time keys and fallback keys (each part optional, the objects
    /// already signed); returns the server's `one_time_key_counts` by algorithm.
    public func uploadKeys(deviceKeys: JSONValue? = nil, oneTimeKeys: [String: JSONValue] = [:],
                           fallbackKeys: [String: JSONValue] = [:]) async throws -> [String: Int] {
        var body: [String: JSONValue] = [:]
        if let deviceKeys { body["device_keys"] = deviceKeys }
        if !oneTimeKeys.isEmpty { body["one_time_keys"] = .object(oneTimeKeys) }
        if !fallbackKeys.isEmpty { body["fallback_keys"] = .object(fallbackKeys) }
        let answer = try await call("POST", "/_matrix/client/v3/keys/upload", json: .object(body), as: JSONValue.self)
        guard let counts = answer["one_time_key_counts"]?.objectValue else {
            throw MatrixClientError.invalidResponse("keys/upload without one_time_key_counts")
        }
        return counts.compactMapValues { $0.intValue.map { Int($0) } }
    }

    /// Asks for every device of `users` (all devices: an empty list per user).
    public func queryKeys(users: [String], timeout: Duration = .seconds(10)) async throws -> KeysQueryResponse {
        let wanted = Dictionary(users.map { ($0, JSONValue.array([])) }, uniquingKeysWith: { first, _ in first })
        let body: JSONValue = ["device_keys": .object(wanted), "timeout": .int(timeout.milliseconds)]
        return try await call("POST", "/_matrix/client/v3/keys/query", json: body, as: KeysQueryResponse.self)
    }

    /// Claims one key of `algorithm` for each wanted device: `wanted[user]` lists device ids.
    public func claimKeys(_ wanted: [String: [String]], algorithm: String = "signed_curve25519",
                          timeout: Duration = .seconds(10)) async throws -> KeysClaimResponse {
        let request = wanted.mapValues { devices in
            JSONValue.object(Dictionary(devices.map { ($0, JSONValue.string(algorithm)) }, uniquingKeysWith: { first, _ in first }))
        }
        let body: JSONValue = ["one_time_keys": .object(request), "timeout": .int(timeout.milliseconds)]
        return try await call("POST", "/_matrix/client/v3/keys/claim", json: body, as: KeysClaimResponse.self)
    }

    /// Sends to-device messages, `messages[user][device]` = content. The same `txnID` is
    /// delivered once, however often it is re-sent.
    public func sendToDevice(eventType: String, txnID: String, messages: [String: [String: JSONValue]]) async throws {
        let body: JSONValue = ["messages": .object(messages.mapValues { .object($0) })]
        let path = "/_matrix/client/v3/sendToDevice/\(Self.encode(eventType))/\(Self.encode(txnID))"
        _ = try await call("PUT", path, json: body)
    }
}
