import Foundation
import Logging
import PeerLearning
import Yams

/// Reads and validates the YAML configuration; reports every problem at once.
public struct ConfigLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The configuration file used when none is named and `PEERBOT_CONFIG` is not set.
    public static let defaultPath = "/etc/peerbot/peerbot.yaml"

    /// The configuration file when `--config` is not given: `PEERBOT_CONFIG`, else `defaultPath`.
    public static func defaultPath(environment: [String: String]) -> String {
        guard let named = environment["PEERBOT_CONFIG"], !named.isEmpty else { return defaultPath }
        return named
    }

    /// Every key the file may hold (the declarations in `ConfigKey.all`).
    public static let knownKeys: Set<String> = Set(ConfigKey.all.map(\.name))

    public func load(path: String) throws(ConfigError) -> BotConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(file: path, problems: [ConfigProblem(key: "(file)", message: "cannot read \(path)")])
        }
        return try parse(text, file: path)
    }

    public func parse(_ text: String, file: String) throws(ConfigError) -> BotConfig {
        let root: Node.Mapping
        do {
            guard let node = try Yams.compose(yaml: text), let mapping = node.mapping else {
                throw ConfigError(file: file, problems: [ConfigProblem(key: "(file)", message: "must be a YAML mapping of keys to values")])
            }
            root = mapping
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: file, problems: [ConfigProblem(key: "(file)", message: "not valid YAML: \(error)")])
        }
        var reader = ConfigReader(root: root, baseDirectory: (file as NSString).deletingLastPathComponent, environment: environment)
        let config = reader.read()
        guard let config, reader.problems.isEmpty else {
            throw ConfigError(file: file, problems: reader.problems)
        }
        return config
    }
}
