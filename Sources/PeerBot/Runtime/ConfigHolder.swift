import Synchronization

/// The configuration in force; replaced as a whole when the file is reloaded.
final class ConfigHolder: Sendable {
    private let value: Mutex<BotConfig>

    init(_ config: BotConfig) { value = Mutex(config) }

    var current: BotConfig { value.withLock { $0 } }

    func replace(with config: BotConfig) { value.withLock { $0 = config } }
}
