import Foundation
import Logging

/// Logs go to stderr, where the journal picks them up.
public enum BotLogging {
    public static func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    public static func critical(_ message: String) {
        Logger(label: "peerbot").critical("\(message)")
    }
}
