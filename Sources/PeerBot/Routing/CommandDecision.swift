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
        let say = Texts(language, prefix: prefix)
        switch parse {
        case .notCommand:
            return .ignore
        case .unknown(let word):
            return .answer(say.unknownCommand(word: word))
        case .malformed(let name):
            guard name.allowedRoles.contains(role) else { return .answer(say.forbidden(name)) }
            return .answer(say.badArguments(name))
        case .unreadable(let name, let part):
            guard name.allowedRoles.contains(role) else { return .answer(say.forbidden(name)) }
            return .answer(say.unreadableTime(name, part: part))
        case .ambiguousUser(let name, let written, let candidates):
            guard name.allowedRoles.contains(role) else { return .answer(say.forbidden(name)) }
            return .answer(say.extensions.ambiguousUser(written, candidates: candidates))
        case .command(let command):
            guard command.name.allowedRoles.contains(role) else {
                return .answer(say.forbidden(command.name))
            }
            if let (kind, length) = TextLimits.oversized(command) {
                return .answer(say.textTooLong(kind, length: length))
            }
            return .run(command)
        }
    }
}
