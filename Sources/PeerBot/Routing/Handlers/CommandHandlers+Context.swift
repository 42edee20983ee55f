import Foundation
import PeerBotStore
import PeerLearning

/// An answer that ends a command early: the error to reply with.
struct Refusal: Error {
    let reply: BotMessage
}

extension CommandHandlers {
    var lookup: SessionLookup { SessionLookup(reader: writer) }

    /// The groups a command names: one by name, every active one for `all`, or the group this
    /// room belongs to (a group room, or the caller's own group) when left out.
    func groups(_ ref: GroupRef, _ request: CommandRequest) throws -> [StudyGroupRecord] {
        switch ref {
        case .named(let name):
            guard let group = try writer.groups.active(named: name) else { throw Refusal(reply: request.say.groups.groupNotFound(name)) }
            return [group]
        case .all:
            return try writer.groups.active()
        case .omitted:
            return [try contextGroup(request)]
        }
    }

    func contextGroup(_ request: CommandRequest) throws -> StudyGroupRecord {
        if request.room.kind == .group, let group = try writer.groups.find(forRoom: request.room.roomID), group.archivedAt == nil {
            return group
        }
        if let group = try writer.groups.active(ofStudent: request.sender) { return group }
        throw Refusal(reply: request.say.sessions.noGroupHere())
    }

    /// The session a command names: by number, or the next one of the group in context.
    func session(_ ref: SessionRef, _ request: CommandRequest) throws -> SessionRecord {
        switch ref {
        case .number(let number):
            guard let record = try writer.sessions.find(number: Int64(number)), record.cancelledAt == nil else {
                throw Refusal(reply: request.say.sessions.noSuchSession(number: number))
            }
            return record
        case .next:
            let group = try contextGroup(request)
            guard let record = try writer.sessions.next(ofGroup: group.id, after: context.now) else {
                throw Refusal(reply: request.say.sessions.noSuchSession(number: nil))
            }
            return record
        }
    }

    /// The language of a group's room, for messages posted there.
    func roomLanguage(ofGroup group: StudyGroupRecord) throws -> Language {
        try lookup.language(ofGroup: group, or: context.config.language)
    }

    func post(_ message: BotMessage, toGroup group: StudyGroupRecord, mentions: [String] = []) throws {
        let roomID = lookup.room(of: group)
        try writer.enqueue(message, to: roomID, mentions: mentions)
    }
}
