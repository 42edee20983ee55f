import Foundation
import MatrixClient
import PeerLearning
import Yams

extension ConfigReader {
    mutating func string(_ key: ConfigKey) -> String? {
        guard let node = values[key.name] else { return nil }
        guard let scalar = node.scalar else {
            problem(key, "must be a single value")
            return nil
        }
        return scalar.string
    }

    mutating func requiredString(_ key: ConfigKey) -> String? {
        guard values[key.name] != nil else {
            problem(key, "is required")
            return nil
        }
        guard let value = string(key), !value.isEmpty else {
            if values[key.name]?.scalar != nil { problem(key, "must not be empty") }
            return nil
        }
        return value
    }

    /// The key's value read by `parse`, or its kind's refusal as a problem (`ConfigField` reads
    /// every key of a plain kind through it).
    mutating func checked<T>(_ key: ConfigKey, _ parse: (String) -> T?) -> T? {
        guard let text = string(key) else { return nil }
        guard let value = parse(text) else {
            problem(key, key.refusal(of: text) ?? "is not valid, got \"\(text)\"")
            return nil
        }
        return value
    }

    mutating func supervisorList() -> [String]? {
        guard let node = values[ConfigKey.supervisors.name] else {
            problem(.supervisors, "is required: a list of Matrix user ids")
            return nil
        }
        let items = node.sequence.map { Array($0) } ?? (node.scalar != nil ? [node] : [])
        let ids = items.compactMap(\.string)
        let bad = ids.filter { !MatrixUserID.isValid($0) }
        if ids.isEmpty {
            problem(.supervisors, "must list at least one Matrix user id")
        } else if !bad.isEmpty {
            problem(.supervisors, "not Matrix user ids: \(bad.joined(separator: ", "))")
        } else {
            return ids
        }
        return nil
    }

    mutating func zone() -> ZoneRules? {
        let name = string(.timezone) ?? ConfigKey.timezone.parsedDefault { $0 }
        guard let zone = ZoneRules.named(name) else {
            problem(.timezone, "unknown time zone \"\(name)\" (use an IANA name like Europe/Copenhagen)")
            return nil
        }
        return zone
    }

    /// The token: `access_token_file`, else `PEERBOT_ACCESS_TOKEN`, else a systemd credential.
    mutating func accessToken() -> Secret? {
        if let path = string(.accessTokenFile) {
            let full = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
            guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
                problem(.accessTokenFile, "cannot read \(full)")
                return nil
            }
            return nonEmptyToken(text, key: ConfigKey.accessTokenFile.name)
        }
        if let text = environment["PEERBOT_ACCESS_TOKEN"] {
            return nonEmptyToken(text, key: "PEERBOT_ACCESS_TOKEN")
        }
        if let directory = environment["CREDENTIALS_DIRECTORY"],
           let text = try? String(contentsOfFile: directory + "/access_token", encoding: .utf8) {
            return nonEmptyToken(text, key: "access_token (systemd credential)")
        }
        problem(.accessTokenFile, "is required (or set PEERBOT_ACCESS_TOKEN, or LoadCredential=access_token in the unit)")
        return nil
    }

    private mutating func nonEmptyToken(_ text: String, key: String) -> Secret? {
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
            problem(key, "the access token is empty or malformed")
            return nil
        }
        return Secret(token)
    }

    func defaultDatabasePath() -> String {
        let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init) ?? "/var/lib/peerbot"
        return state + "/peerbot.sqlite"
    }
}
