import Foundation

/// A file the bot posts: its name, media type, bytes and the message that carries it.
public struct BotFile: Sendable, Equatable {
    public var filename: String
    public var mimetype: String
    public var bytes: Data
    public var message: BotMessage

    public init(filename: String, mimetype: String, bytes: Data, message: BotMessage) {
        self.filename = filename
        self.mimetype = mimetype
        self.bytes = bytes
        self.message = message
    }
}
