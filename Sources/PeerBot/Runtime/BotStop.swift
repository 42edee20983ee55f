import MatrixClient
import PeerBotStore

/// Reasons the daemon stops by itself; each maps to an exit status. All are configuration-class
/// (exit 78, EX_CONFIG): restarting cannot help, so systemd's unit does not restart on 78.
public enum BotStop: Error, Sendable, CustomStringConvertible {
    /// The homeserver answered `M_UNKNOWN_TOKEN`, `M_MISSING_TOKEN` or another 401: a new token is needed.
    case tokenRejected(String)
    /// The configuration cannot work with this homeserver.
    case misconfigured(String)
    /// Another process holds the database's lock.
    case databaseLocked(String)
    /// The database cannot be opened or brought up to date (corrupt file, failed migration).
    case badDatabase(String)
    /// The bot's encryption keys cannot be used as configured (exit 78); the text names the key.
    case encryptionKeys(String)

    public var exitStatus: Int32 { 78 }

    public var description: String {
        switch self {
        case .tokenRejected(let detail):
            "the homeserver rejected the access token (\(detail)); get a new one with `peerbot login` and restart"
        case .misconfigured(let detail):
            "configuration does not work with the homeserver: \(detail)"
        case .databaseLocked(let detail):
            "not started: \(detail)"
        case .badDatabase(let detail):
            "the database cannot be used: \(detail); restore it from a backup or move it aside to start afresh"
        case .encryptionKeys(let detail):
            detail
        }
    }

    /// The stop a homeserver answer means when retrying it cannot help: a redirect (the
    /// configured URL is not the client API's), a 400, a 401, or a 404 `M_UNRECOGNIZED` on an
    /// endpoint every homeserver has. Nil for anything else.
    static func configurationClass(_ error: any Error) -> BotStop? {
        guard let matrix = (error as? MatrixClientError)?.matrixError else { return nil }
        switch matrix.status {
        case 300..<400:
            return .misconfigured("the homeserver URL redirects (HTTP \(matrix.status)); set homeserver to the address it redirects to")
        case 401:
            return .tokenRejected(matrix.errcode)
        case 400:
            return .misconfigured("the homeserver refused the bot's requests as malformed (\(matrix.errcode)); check that homeserver is the client API's base URL")
        case 404 where matrix.errcode == "M_UNRECOGNIZED":
            return .misconfigured("the homeserver URL does not serve the Matrix client API (HTTP 404)")
        default:
            return nil
        }
    }
}
