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
            return .answer(Texts(language, prefix: prefix).unknownCommand(word: word))
        case .malformed(let name):
            guard name.allowedRoles.contains(role) else { return .answer(Texts(language, prefix: prefix).forbidden(name)) }
            return .answer(Texts(language, prefix: prefix).badArguments(name))
        case .unreadable(let name, let part):
            guard name.allowedRoles.contains(role) else { return .answer(Texts(language, prefix: prefix).forbidden(name)) }
            return .answer(Texts(language, prefix: prefix).unreadableTime(name, part: part))
        case .ambiguousUser(let name, let written, let candidates):
            guard name.allowedRoles.contains(role) else { return .answer(Texts(language, prefix: prefix).forbidden(name)) }
            return .answer(Texts(language).ambiguousUser(written, candidates: candidates))
        case .command(let command):
            guard command.name.allowedRoles.contains(role) else {
                return .answer(Texts(language, prefix: prefix).forbidden(command.name))
            }
            if let (kind, length) = TextLimits.oversized(command) {
                return .answer(Texts(language).textTooLong(kind, length: length))
            }
            return .run(command)
        }
    }
}
