import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// One batch's settings and clock, shared by reference: every event and handler reads it.
final class BatchContext: Sendable {
    let config: BotConfig
    let now: Date
    /// The earliest send time an event of this batch is believed: shortly before the bot last
    /// handled anything. Events sent while it was down keep their own time; a server's clock
    /// that claims more than the downtime is not believed.
    let earliestEventTime: Date

    /// How far the homeserver's clock may lag behind the bot's, for the bounds on event time.
    static let clockSkewAllowance: TimeInterval = 600

    init(config: BotConfig, now: Date, lastHandled: Date? = nil) {
        self.config = config
        self.now = now
        earliestEventTime = min(lastHandled ?? now, now).addingTimeInterval(-Self.clockSkewAllowance)
    }

    /// When the event was sent, by its `origin_server_ts`, bounded: never later than it
    /// arrived (now) and never earlier than `earliestEventTime`. Deadlines are judged by this.
    func eventTime(_ event: ClientEvent) -> Date {
        min(max(event.sentAt, earliestEventTime), now)
    }

    var botUserID: String { config.userID }

    func role(of userID: String, in reader: StoreReader) throws -> Role {
        if config.isSupervisor(userID) { return .supervisor }
        return try reader.roster.isStudent(userID) ? .student : .guest
    }

    func language(of room: RoomRecord) -> Language {
        room.language(or: config.language)
    }
}

extension RoomRecord {
    /// The room's own language, or the deployment's when the room has none set.
    func language(or fallback: Language) -> Language {
        language.flatMap(Language.init(rawValue:)) ?? fallback
    }
}

extension ClientEvent {
    /// `origin_server_ts` as a date, held to 1970…2100 so no hostile value reaches date arithmetic.
    var sentAt: Date {
        Date(timeIntervalSince1970: Double(min(max(originServerTS, 0), 4_102_444_800_000)) / 1000)
    }
}
