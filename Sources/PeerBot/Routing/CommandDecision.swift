import Foundation
import PeerLearning

/// What the gate makes of a parsed message.
enum Admission: Equatable, Sendable {
    /// Not a command: nothing to answer.
    case ignore
    /// Answer with this and do nothing else (unknown, malformed or forbidden).
    case answer(BotMessage)
    /// The caller may run this command.
    case run(Command)
}

/// Decides from values alone who may run what.
enum CommandDecider {
    static func admit(_ parse: CommandParse, role: Role, language: Language, prefix: String) -> Admission {
        switch parse {
        case .notCommand:
            return .ignore
        case .unknown(let word):
            return .answer(Texts.unknownCommand(word: word, prefix: prefix, language: language))
        case .malformed(let name):
            guard name.allowedRoles.contains(role) else { return .answer(Texts.forbidden(name, prefix: prefix, language: language)) }
            return .answer(Texts.badArguments(name, prefix: prefix, language: language))
        case .unreadable(let name, let part):
            guard name.allowedRoles.contains(role) else { return .answer(Texts.forbidden(name, prefix: prefix, language: language)) }
            return .answer(Texts.unreadableTime(name, part: part, prefix: prefix, language: language))
        case .ambiguousUser(let name, let written, let candidates):
            guard name.allowedRoles.contains(role) else { return .answer(Texts.forbidden(name, prefix: prefix, language: language)) }
            return .answer(Texts.ambiguousUser(written, candidates: candidates, language: language))
        case .command(let command):
            guard command.name.allowedRoles.contains(role) else {
                return .answer(Texts.forbidden(command.name, prefix: prefix, language: language))
            }
            if let (kind, length) = TextLimits.oversized(command) {
                return .answer(Texts.textTooLong(kind, length: length, language: language))
            }
            return .run(command)
        }
    }
}
