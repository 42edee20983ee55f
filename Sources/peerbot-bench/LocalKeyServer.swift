import Foundation
import MatrixClient
import Synchronization

/// The two homeserver calls the bot's device makes before it can take room keys (`whoami` and
/// `keys/upload`), answered in memory so the encrypted ingest runs without a network. It keeps
/// the published one-time and fallback keys, which the bench's senders then use as if claimed.
final class LocalKeyServer: HTTPTransport {
    let userID: String
    let deviceID: String
    private let published: Mutex<(oneTime: [String], fallback: String?)>

    /// `keys`: what an earlier start of the same account published (its stock stays on the server).
    init(userID: String, deviceID: String, keys: (oneTime: [String], fallback: String?) = ([], nil)) {
        self.userID = userID
        self.deviceID = deviceID
        published = Mutex(keys)
    }

    /// The one-time keys published so far and the fallback key (used by every
    /// sender once the one-time keys are gone, as a homeserver hands it out).
    var claimableKeys: (oneTime: [String], fallback: String?) { published.withLock { $0 } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        if request.url.hasSuffix("/account/whoami") {
            return Self.json(["user_id": .string(userID), "device_id": .string(deviceID)])
        }
        guard request.url.hasSuffix("/keys/upload") else {
            return TransportResponse(status: 404, body: Data(#"{"errcode":"M_UNRECOGNIZED"}"#.utf8))
        }
        let body = (try? JSONDecoder().decode(JSONValue.self, from: request.body ?? Data())) ?? .object([:])
        let count = published.withLock { keys -> Int in
            for entry in (body["one_time_keys"]?.objectValue ?? [:]).values {
                if let key = entry["key"]?.stringValue { keys.oneTime.append(key) }
            }
            if let entry = body["fallback_keys"]?.objectValue?.values.first, let key = entry["key"]?.stringValue {
                keys.fallback = key
            }
            return keys.oneTime.count
        }
        return Self.json(["one_time_key_counts": ["signed_curve25519": .int(Int64(count))]])
    }

    private static func json(_ value: JSONValue) -> TransportResponse {
        TransportResponse(status: 200, headers: ["content-type": "application/json"], body: Data(value.jsonString().utf8))
    }
}
