import Foundation
import Logging
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
    /// The user ids in the event's `m.mentions`, for a user argument a client wrote as a pill.
    var mentions: [String] = []
    /// When the message was sent, as far as the bot believes the sender's clock.
    var sentAt: Date = .distantPast
    /// The student's text in the command after the patient guard, when it carries one.
    var guarded: GuardedText?

    /// What the bot says in answer: the room's language, the configured prefix.
    var say: Texts { Texts(language, prefix: prefix) }

    /// The kind of room the command was written in, as the command definitions name it.
    var place: CommandPlace {
        switch room.kind {
        case .group: .group
        case .direct: room.userID == sender ? .direct : .other
        case .supervisor: .supervisor
        case .invited: .other
        }
    }
}

/// Runs admitted commands against the store: `run` hands a command to its family, whose
/// `CommandHandlers+<Family>.swift` has the handlers and the switch over its commands.
struct CommandHandlers {
    let context: BatchContext
    let writer: StoreWriter
    var logger = Logger(label: "peerbot.commands")
    /// The supervisor room when the caller has read it already (a private answer on its way
    /// there); nil: a handler that needs it reads it.
    var supervisorRoom: RoomRecord?

    /// The reply to post, after applying the command's effects in the current transaction: each
    /// family's `run` (in its `CommandHandlers+<Family>.swift`) switches over its own commands.
    func run(_ command: Command, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .general(let command): try run(command, request)
        case .roster(let command): try run(command, request)
        case .groups(let command): try run(command, request)
        case .sessions(let command): try run(command, request)
        case .participation(let command): try run(command, request)
        case .tasks(let command): try run(command, request)
        case .reflection(let command): try run(command, request)
        case .assessment(let command): try run(command, request)
        case .reporting(let command): try run(command, request)
        case .course(let command): try run(command, request)
        case .privacy(let command): try run(command, request)
        }
    }

    /// Runs a handler that may stop early with an error reply.
    func refusable(_ body: () throws -> BotMessage) throws -> BotMessage {
        do {
            return try body()
        } catch let refusal as Refusal {
            return refusal.reply
        }
    }
}
