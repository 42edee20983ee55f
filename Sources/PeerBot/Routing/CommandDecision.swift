import Foundation
import PeerLearning

/// What answering one command changes: decided from values, applied by the router.
struct CommandDecision: Equatable, Sendable {
    var reply: BotMessage
    var newRoomLanguage: Language?
}

/// Decides the answer to a parsed message; pure.
enum CommandDecider {
    static func decide(_ parse: CommandParse, role: Role, language: Language, prefix: String) -> CommandDecision? {
        switch parse {
        case .notCommand:
            return nil
        case .unknown(let word):
            return CommandDecision(reply: Texts.unknownCommand(word: word, prefix: prefix, language: language))
        case .malformed(let name):
            guard name.allowedRoles.contains(role) else { return CommandDecision(reply: Texts.forbidden(name, prefix: prefix, language: language)) }
            return CommandDecision(reply: Texts.badArguments(name, prefix: prefix, language: language))
        case .command(let command):
            guard command.name.allowedRoles.contains(role) else {
                return CommandDecision(reply: Texts.forbidden(command.name, prefix: prefix, language: language))
            }
            return decide(command, role: role, language: language, prefix: prefix)
        }
    }

    private static func decide(_ command: Command, role: Role, language: Language, prefix: String) -> CommandDecision {
        switch command {
        case .help(let topic):
            return CommandDecision(reply: Texts.help(role: role, prefix: prefix, language: language, topic: topic))
        case .status:
            let info = StatusInfo(role: role, nextSession: nil, facilitator: nil, openTasks: [], pendingReflection: false, pendingAssessment: false)
            return CommandDecision(reply: Texts.status(info, prefix: prefix, language: language))
        case .language(let chosen):
            return CommandDecision(reply: Texts.languageChanged(to: chosen), newRoomLanguage: chosen)
        default:
            return CommandDecision(reply: Texts.notAvailableYet(command.name, prefix: prefix, language: language))
        }
    }
}
