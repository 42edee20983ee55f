import Foundation
import PeerBotStore
import PeerLearning

/// What a handler knows about the room and the person behind one event.
struct RoomContext: Sendable {
    let room: RoomRecord
    let sender: String
    let role: Role
    let language: Language
    let eventID: String
}

/// One batch's settings and clock.
struct BatchContext: Sendable {
    let config: BotConfig
    let now: Date

    var botUserID: String { config.userID }

    func role(of userID: String, in writer: StoreWriter) -> Role {
        if config.isSupervisor(userID) { return .supervisor }
        return .guest
    }

    func language(of room: RoomRecord) -> Language {
        room.language.flatMap(Language.init(rawValue:)) ?? config.language
    }
}
