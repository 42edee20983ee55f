import Foundation

extension BotConfig {
    /// What is allowed but unwise; `check-config` prints these, the daemon logs them.
    public var warnings: [String] {
        var found: [String] = []
        if let url = URL(string: homeserver), url.scheme?.lowercased() == "http", !Self.isLoopback(url.host ?? "") {
            found.append("homeserver: \(homeserver) is plain http:// to another machine: the access token and every "
                         + "student's text would cross the network unencrypted. Use https://.")
        }
        return found
    }

    /// `localhost`, 127.0.0.0/8 and ::1: traffic that never leaves the machine.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" || bare.hasPrefix("127.")
    }
}
