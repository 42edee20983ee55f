import Foundation
import PeerBotStore
import PeerLearning

/// One batch's settings and clock.
struct BatchContext: Sendable {
    let config: BotConfig
    let now: Date

    var botUserID: String { config.userID }

    func role(of userID: String, in reader: StoreReader) throws -> Role {
        if config.isSupervisor(userID) { return .supervisor }
        return try reader.isStudent(userID) ? .student : .guest
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
