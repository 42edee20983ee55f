import Foundation

/// Which configuration `peerbot login` reads to set up cross-signing, and how it reads it: login
/// runs by hand, outside the service, but must find the database and the pickle key the
/// service will use.
public enum LoginConfiguration {
    /// The configuration named by `--config`; else the daemon's own default (`PEERBOT_CONFIG`,
    /// else /etc/peerbot/peerbot.yaml) when that file exists; nil when there is none, so login
    /// only writes the token.
    public static func path(explicit: String?, environment: [String: String], exists: (String) -> Bool) -> String? {
        if let explicit { return explicit }
        let implied = ConfigLoader.defaultPath(environment: environment)
        return exists(implied) ? implied : nil
    }

    /// The environment the configuration is read in. The token is the one just received (or,
    /// before logging in, a stand-in, so the rest can be checked first). Outside the service
    /// `$CREDENTIALS_DIRECTORY` is not set; it stands for the configuration's folder, where the
    /// shipped unit's `LoadCredential=` lines take the token and the pickle key from
    /// (/etc/peerbot), so `pickle_key_file: ${CREDENTIALS_DIRECTORY}/pickle_key` names the same key
    /// for login as for the service.
    public static func environment(configPath: String, token: String, base: [String: String]) -> [String: String] {
        var environment = base
        environment["PEERBOT_ACCESS_TOKEN"] = token
        if (environment["CREDENTIALS_DIRECTORY"] ?? "").isEmpty {
            let folder = (configPath as NSString).deletingLastPathComponent
            environment["CREDENTIALS_DIRECTORY"] = folder.isEmpty ? "." : folder
        }
        return environment
    }

    /// A stand-in token for checking the configuration before logging in.
    public static let standInToken = "login-not-yet"

    /// True when every problem is that `access_token_file` cannot be read yet: the file login is
    /// about to write. The configuration is then checked again once it exists.
    public static func onlyTokenFileMissing(_ error: ConfigError) -> Bool {
        !error.problems.isEmpty && error.problems.allSatisfy { $0.key == "access_token_file" }
    }

    /// Why login refuses to log in as a new device: the database already belongs to `stored`, and
    /// a new device would leave its keys behind (the daemon refuses a token for another device).
    public static func deviceConflict(stored: String?, requested: String?) -> String? {
        guard let stored, requested != stored else { return nil }
        return "the database holds the encryption keys of device \(stored); log in as that device again with "
            + "--device-id \(stored), or start afresh as a new device (docs/admin-guide.md, section 8, \"Key lost\")"
    }
}
