import Foundation
import PeerBotStore
import PeerLearning

extension StudentRecord {
    var student: Student { Student(userID: userID, name: name, attributes: attributes) }
}

extension CommandHandlers {
    /// The roster family's commands, each to its handler.
    func run(_ command: RosterCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .studentAdd(let userID, let name, let attributes): try addStudent(userID, name: name, attributes: attributes, request)
        case .studentRemove(let userID): try removeStudent(userID, request)
        case .students: try listStudents(request)
        }
    }

    /// `!student add`: a new student, or new details for one on the roster.
    func addStudent(_ userID: String, name: String, attributes: [String: [String]], _ request: CommandRequest) throws -> BotMessage {
        let student = Student(userID: userID, name: name, attributes: attributes)
        let added = try writer.roster.upsert(userID: student.userID, name: student.name, attributes: student.attributes, at: context.now)
        return request.say.roster.studentAdded(student, updated: !added)
    }

    /// `!student remove`: reads the student and their group, lets `RosterRemoval` decide, applies it.
    func removeStudent(_ userID: String, _ request: CommandRequest) throws -> BotMessage {
        let group = try writer.groups.active(ofStudent: userID)
        let facts = try group.map { RosterRemoval.Group(id: $0.id, name: $0.name, say: context.config.texts(try roomLanguage(ofGroup: $0))) }
        let decision = RosterRemoval.decide(userID, onRoster: try writer.roster.find(userID: userID) != nil, group: facts, say: request.say)
        for effect in decision.effects {
            switch effect {
            case .remove:
                try writer.roster.remove(userID: userID, at: context.now)
            case .kick(_, let reason):
                if let group { try writer.outbox.enqueue(.kick(roomID: lookup.room(of: group), userID: userID, reason: reason)) }
            }
        }
        return decision.reply
    }

    /// `!students`.
    func listStudents(_ request: CommandRequest) throws -> BotMessage {
        request.say.roster.roster(try writer.roster.all().map(\.student))
    }
}
