import Crypto
import Foundation

extension Homeserver {
    /// Registers through Synapse's shared-secret admin API over HTTP, as `register_new_matrix_user`
    /// does, without starting a Python process for every account; an existing account is accepted.
    func registerWithSharedSecret(localpart: String, password: String, admin: Bool) async throws {
        let secret = try registrationSharedSecret()
        let nonce = try await http.request(.get, "/_synapse/admin/v1/register")["nonce"]?.string
        guard let nonce else { throw HarnessError.badResponse(path: "/_synapse/admin/v1/register", body: "no nonce") }
        let message = [nonce, localpart, password, admin ? "admin" : "notadmin"].joined(separator: "\u{0}")
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        let body: JSON = [
            "nonce": .string(nonce), "username": .string(localpart), "password": .string(password),
            "admin": .bool(admin), "mac": .string(mac.map { String(format: "%02x", $0) }.joined()),
        ]
        do {
            _ = try await http.request(.post, "/_synapse/admin/v1/register", body: body)
        } catch HarnessError.matrix(_, _, _, "M_USER_IN_USE", _) {
            return
        }
    }

    /// The instance's `registration_shared_secret`, from the config scripts/synapse.sh wrote.
    private func registrationSharedSecret() throws -> String {
        let config = environment.root.appendingPathComponent(".local/synapse/\(name)/homeserver.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("registration_shared_secret:") {
            let value = line.dropFirst("registration_shared_secret:".count)
                .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if !value.isEmpty { return value }
        }
        throw HarnessError.badResponse(path: config.path, body: "no registration_shared_secret")
    }
}
