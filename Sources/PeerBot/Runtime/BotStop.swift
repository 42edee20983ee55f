/// Reasons the daemon stops by itself; each maps to an exit status.
public enum BotStop: Error, Sendable, CustomStringConvertible {
    /// The homeserver answered `M_UNKNOWN_TOKEN`: a new token is needed (exit 78).
    case tokenRejected(String)
    /// The configuration cannot work with this homeserver (exit 78).
    case misconfigured(String)
    /// The bot's encryption keys cannot be used as configured (exit 78); the text names the key.
    case encryptionKeys(String)

    public var exitStatus: Int32 { 78 }

    public var description: String {
        switch self {
        case .tokenRejected(let detail):
            "the homeserver rejected the access token (\(detail)); get a new one with `peerbot login` and restart"
        case .misconfigured(let detail):
            "configuration does not work with the homeserver: \(detail)"
        case .encryptionKeys(let detail):
            detail
        }
    }
}
