import Foundation
import MatrixClient
import PeerLearning
import Yams

extension ConfigReader {
    mutating func string(_ key: String) -> String? {
        guard let node = values[key] else { return nil }
        guard let scalar = node.scalar else {
            problem(key, "must be a single value")
            return nil
        }
        return scalar.string
    }

    mutating func requiredString(_ key: String) -> String? {
        guard values[key] != nil else {
            problem(key, "is required")
            return nil
        }
        guard let value = string(key), !value.isEmpty else {
            if values[key]?.scalar != nil { problem(key, "must not be empty") }
            return nil
        }
        return value
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            problem(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
            return nil
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            problem(key, "must be true or false, got \"\(text)\"")
            return nil
        }
    }

    mutating func duration(_ key: String) -> Duration? {
        guard let text = string(key) else { return nil }
        guard let spec = DurationSpec.parse(text) else {
            problem(key, "must be a duration like 24h, 90m, 1h30m or 45s, got \"\(text)\"")
            return nil
        }
        return .seconds(spec.seconds)
    }

    mutating func supervisorList() -> [String]? {
        guard let node = values["supervisors"] else {
            problem("supervisors", "is required: a list of Matrix user ids")
            return nil
        }
        let items = node.sequence.map { Array($0) } ?? (node.scalar != nil ? [node] : [])
        let ids = items.compactMap(\.string)
        let bad = ids.filter { !MatrixUserID.isValid($0) }
        if ids.isEmpty {
            problem("supervisors", "must list at least one Matrix user id")
        } else if !bad.isEmpty {
            problem("supervisors", "not Matrix user ids: \(bad.joined(separator: ", "))")
        } else {
            return ids
        }
        return nil
    }

    mutating func zone() -> ZoneRules? {
        let name = string("timezone") ?? "Europe/Copenhagen"
        guard let zone = ZoneRules.named(name) else {
            problem("timezone", "unknown time zone \"\(name)\" (use an IANA name like Europe/Copenhagen)")
            return nil
        }
        return zone
    }

    /// The token: `access_token_file`, else `PEERBOT_ACCESS_TOKEN`, else a systemd credential.
    mutating func accessToken() -> Secret? {
        if let path = string("access_token_file") {
            let full = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
            guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
                problem("access_token_file", "cannot read \(full)")
                return nil
            }
            return nonEmptyToken(text, key: "access_token_file")
        }
        if let text = environment["PEERBOT_ACCESS_TOKEN"] {
            return nonEmptyToken(text, key: "PEERBOT_ACCESS_TOKEN")
        }
        if let directory = environment["CREDENTIALS_DIRECTORY"],
           let text = try? String(contentsOfFile: directory + "/access_token", encoding: .utf8) {
            return nonEmptyToken(text, key: "access_token (systemd credential)")
        }
        problem("access_token_file", "is required (or set PEERBOT_ACCESS_TOKEN, or LoadCredential=access_token in the unit)")
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
