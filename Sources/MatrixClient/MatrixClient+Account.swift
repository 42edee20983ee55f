import Foundation

/// The answer to a password login.
public struct LoginResponse: Codable, Sendable, Equatable {
    public let userID: String
    public let accessToken: String
    public let deviceID: String

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", accessToken = "access_token", deviceID = "device_id"
    }
}

/// The answer to `whoami`.
public struct WhoAmI: Codable, Sendable, Equatable {
    public let userID: String
    public let deviceID: String?

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", deviceID = "device_id"
    }
}

extension MatrixClient {
    /// Logs in with a password; keep the device id, transaction ids are scoped to it.
    public func login(user: String, password: String, deviceID: String? = nil, displayName: String = "peerbot") async throws -> LoginResponse {
        var body: [String: JSONValue] = [
            "type": "m.login.password",
            "identifier": ["type": "m.id.user", "user": .string(user)],
            "password": .string(password),
            "initial_device_display_name": .string(displayName),
        ]
        if let deviceID { body["device_id"] = .string(deviceID) }
        return try await call("POST", "/_matrix/client/v3/login", json: .object(body), as: LoginResponse.self)
    }

    public func whoami() async throws -> WhoAmI {
        try await call("GET", "/_matrix/client/v3/account/whoami", as: WhoAmI.self)
    }

    /// Reads account data; nil when none is stored under that type.
    public func accountData(userID: String, type: String) async throws -> JSONValue? {
        do {
            return try await call("GET", "/_matrix/client/v3/user/\(Self.encode(userID))/account_data/\(Self.encode(type))", as: JSONValue.self)
        } catch let error as MatrixClientError where error.matrixError?.isNotFound == true {
            return nil
        }
    }

    public func setAccountData(userID: String, type: String, content: JSONValue) async throws {
        _ = try await call("PUT", "/_matrix/client/v3/user/\(Self.encode(userID))/account_data/\(Self.encode(type))", json: content)
    }

    /// Uploads a filter and returns its id.
    public func createFilter(userID: String, filter: JSONValue) async throws -> String {
        let answer = try await call("POST", "/_matrix/client/v3/user/\(Self.encode(userID))/filter", json: filter, as: JSONValue.self)
        guard let id = answer["filter_id"]?.stringValue else { throw MatrixClientError.invalidResponse("filter without filter_id") }
        return id
    }
}
