// Matrix spec, "m.megolm.v1.aes-sha2" and `m.room.encryption` (`rotation_period_ms`,
// `rotation_period_msgs`): an outbound session is replaced after a number of messages or an age;
// SPEC "Encrypted rooms": 100 messages, 7 days, or the room's own smaller limits.

/// When an outbound Megolm session must be replaced by a new one.
public struct MegolmRotation: Sendable, Equatable {
    public static let defaultMessages: Int64 = 100
    public static let defaultPeriodMs: Int64 = 7 * 24 * 3_600_000

    /// Messages a session may encrypt.
    public let messages: Int64
    /// Milliseconds a session may live.
    public let periodMs: Int64

    /// The bot's limits, lowered to the room's where the room asks for less; a room's zero,
    /// negative or missing value is ignored.
    public init(roomPeriodMs: Int64? = nil, roomMessages: Int64? = nil) {
        messages = min(Self.defaultMessages, roomMessages.flatMap { $0 > 0 ? $0 : nil } ?? .max)
        periodMs = min(Self.defaultPeriodMs, roomPeriodMs.flatMap { $0 > 0 ? $0 : nil } ?? .max)
    }

    /// Whether a session that has encrypted `messageIndex` messages and is `ageMs` old must be
    /// replaced before the next message. A clock moved backwards counts as age zero.
    public func mustRotate(messageIndex: UInt32, ageMs: Int64) -> Bool {
        Int64(messageIndex) >= messages || max(0, ageMs) >= periodMs
    }
}
