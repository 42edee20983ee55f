import Foundation
import PeerBotStore
import PeerLearning

/// One command to run: who asked, where, in which language.
struct CommandRequest: Sendable {
    let room: RoomRecord
    let sender: String
    let eventID: String
    let role: Role
    let language: Language
    let prefix: String
}

/// Runs admitted commands against the store; each family lives in its own file.
struct CommandHandlers {
    let context: BatchContext
    let writer: StoreWriter

    /// The reply to post, after applying the command's effects in the current transaction.
    func run(_ command: Command, _ request: CommandRequest) throws -> BotMessage {
        if let answer = CommandDecider.answerWithoutState(command, role: request.role, language: request.language, prefix: request.prefix) {
            if case .language(let chosen) = command {
                try writer.setRoomLanguage(roomID: request.room.roomID, language: chosen.rawValue)
            }
            return answer
        }
        switch command {
        case .status:
            return try status(request)
        case .studentAdd, .studentRemove, .students:
            return try roster(command, request)
        case .groupsPlan, .groupsCreate, .groups, .groupMove:
            return try groups(command, request)
        default:
            return Texts.notAvailableYet(command.name, prefix: request.prefix, language: request.language)
        }
    }

    private func status(_ request: CommandRequest) throws -> BotMessage {
        let info = StatusInfo(role: request.role, nextSession: nil, facilitator: nil, openTasks: [], pendingReflection: false, pendingAssessment: false)
        return Texts.status(info, prefix: request.prefix, language: request.language)
    }
}
