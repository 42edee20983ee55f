import CurlHTTP
import Foundation
import MatrixClient

/// `peerbot login`: password login that writes the token file with mode 0600.
public enum AccountLogin {
    public static func login(homeserver: String, user: String, password: String, deviceID: String?, tokenFile: String) async throws -> LoginResponse {
        let http = CurlHTTPClient()
        defer { http.shutdown() }
        let client = MatrixClient(homeserver: homeserver, accessToken: nil, transport: CurlTransport(http: http))
        let answer = try await client.login(user: user, password: password, deviceID: deviceID)
        let previous = umask(0o077)
        defer { umask(previous) }
        let written = FileManager.default.createFile(atPath: tokenFile, contents: Data((answer.accessToken + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard written else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return answer
    }
}
