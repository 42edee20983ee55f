import Logging
import PeerLearning

/// Where a key's value lives in `BotConfig`. The reader checks the value by the key's kind and
/// stores it there, and `check-config --settings` shows it from there, so a key declared with a
/// field needs no reading code of its own: its declaration and its `BotConfig` property are all.
struct ConfigField: Sendable {
    /// Reads the key's value (if present and valid) into the configuration, or records why not.
    let store: @Sendable (inout ConfigReader, ConfigKey, inout BotConfig) -> Void
    /// The value in force, for `check-config --settings`.
    let shown: @Sendable (BotConfig) -> String

    /// A value the key's own parse reads, written as `show` says.
    static func value<T>(
        _ path: WritableKeyPath<BotConfig, T> & Sendable,
        parse: @escaping @Sendable (ConfigKey, String) -> T?,
        show: @escaping @Sendable (T) -> String
    ) -> ConfigField {
        ConfigField(
            store: { reader, key, config in
                if let value = reader.checked(key, { parse(key, $0) }) { config[keyPath: path] = value }
            },
            shown: { show($0[keyPath: path]) })
    }

    /// An `.integer` key.
    static func integer(_ path: WritableKeyPath<BotConfig, Int> & Sendable) -> ConfigField {
        value(path, parse: { $0.parseInteger($1) }, show: { "\($0)" })
    }

    /// An `.integer` key whose absence means "none" (`absent` is what `--settings` shows then).
    static func integer(_ path: WritableKeyPath<BotConfig, Int?> & Sendable, absent: String) -> ConfigField {
        // Mapped explicitly: a bare `Int?` would be promoted to `Int??`, turning a refusal into "none".
        value(path, parse: { key, text in key.parseInteger(text).map { Optional($0) } }, show: { $0.map(String.init) ?? absent })
    }

    /// A `.duration` key.
    static func duration(_ path: WritableKeyPath<BotConfig, Duration> & Sendable) -> ConfigField {
        value(path, parse: { ConfigKey.parseDuration($1) }, show: ConfigKey.durationText)
    }

    /// A `.bool` key.
    static func bool(_ path: WritableKeyPath<BotConfig, Bool> & Sendable) -> ConfigField {
        value(path, parse: { ConfigKey.parseBool($1) }, show: { "\($0)" })
    }

    /// A `.choice` key whose word becomes a `T` (the word itself when `T` is `String`).
    static func choice<T: RawRepresentable>(_ path: WritableKeyPath<BotConfig, T> & Sendable) -> ConfigField
    where T.RawValue == String {
        value(path, parse: { key, text in key.parseChoice(text).flatMap(T.init(rawValue:)) }, show: \.rawValue)
    }

    /// A `.choice` key kept as its lowercased word.
    static func choice(_ path: WritableKeyPath<BotConfig, String> & Sendable) -> ConfigField {
        value(path, parse: { $0.parseChoice($1) }, show: { $0 })
    }
}
