import Foundation

extension MatrixClient {
    /// `POST /keys/device_signing/upload`: the account's cross-signing keys. The homeserver asks
    /// for the password (user-interactive authentication): tried first with `auth` carrying the
    /// password, and, when the server answers 401 with a `session`, once more within it.
    public func uploadCrossSigningKeys(master: JSONValue, selfSigning: JSONValue, userSigning: JSONValue,
                                       userID: String, password: String) async throws {
        let path = "/_matrix/client/v3/keys/device_signing/upload"
        var body: [String: JSONValue] = ["master_key": master, "self_signing_key": selfSigning, "user_signing_key": userSigning]
        var auth: [String: JSONValue] = [
            "type": "m.login.password", "identifier": ["type": "m.id.user", "user": .string(userID)], "password": .string(password),
        ]
        body["auth"] = .object(auth)
        do {
            _ = try await call("POST", path, json: .object(body))
        } catch let error as MatrixClientError {
            guard let answer = error.matrixError, answer.status == 401, let session = answer.body?["session"]?.stringValue else { throw error }
            auth["session"] = .string(session)
            body["auth"] = .object(auth)
            _ = try await call("POST", path, json: .object(body))
        }
    }

    /// `POST /keys/signatures/upload`: `signed[user][key id or device id]` = the signed object.
    /// Returns the `failures` the server reports (empty when every signature was taken).
    public func uploadSignatures(_ signed: [String: [String: JSONValue]]) async throws -> [String: JSONValue] {
        let body = JSONValue.object(signed.mapValues { .object($0) })
        let data = try await call("POST", "/_matrix/client/v3/keys/signatures/upload", json: body)
        let answer = try? JSONDecoder().decode(JSONValue.self, from: data)
        return answer?["failures"]?.objectValue ?? [:]
    }
}
