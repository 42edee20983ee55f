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

    /// `!student remove`.
    func removeStudent(_ userID: String, _ request: CommandRequest) throws -> BotMessage {
        let say = request.say
        let group = try writer.groups.active(ofStudent: userID)
        guard try writer.roster.remove(userID: userID, at: context.now) else { return say.roster.studentNotFound(userID: userID) }
        // Off the roster means out of the group's room too, or they would go on reading it.
        if let group {
            let reason = context.config.texts(try roomLanguage(ofGroup: group)).roster.removedStudentKickReason(group: group.name)
            try writer.outbox.enqueue(.kick(roomID: lookup.room(of: group), userID: userID, reason: reason))
        }
        return say.roster.studentRemoved(userID: userID)
    }

    /// `!students`.
    func listStudents(_ request: CommandRequest) throws -> BotMessage {
        request.say.roster.roster(try writer.roster.all().map(\.student))
    }
}
