import Foundation
import PeerBotStore
import PeerLearning

extension StudentRecord {
    var student: Student { Student(userID: userID, name: name, attributes: attributes) }
}

extension CommandHandlers {
    /// `!student add`: a new student, or new details for one on the roster.
    func addStudent(_ userID: String, name: String, attributes: [String: [String]], _ request: CommandRequest) throws -> BotMessage {
        let student = Student(userID: userID, name: name, attributes: attributes)
        let added = try writer.roster.upsert(userID: student.userID, name: student.name, attributes: student.attributes, at: context.now)
        return Texts.studentAdded(student, updated: !added, language: request.language)
    }

    /// `!student remove`.
    func removeStudent(_ userID: String, _ request: CommandRequest) throws -> BotMessage {
        let language = request.language
        let group = try writer.groups.active(ofStudent: userID)
        guard try writer.roster.remove(userID: userID, at: context.now) else { return Texts.studentNotFound(userID: userID, language: language) }
        // Off the roster means out of the group's room too, or they would go on reading it.
        if let group {
            let reason = Texts.removedStudentKickReason(group: group.name, language: try roomLanguage(ofGroup: group))
            try writer.outbox.enqueue(.kick(roomID: lookup.room(of: group), userID: userID, reason: reason))
        }
        return Texts.studentRemoved(userID: userID, language: language)
    }

    /// `!students`.
    func listStudents(_ request: CommandRequest) throws -> BotMessage {
        Texts.roster(try writer.roster.all().map(\.student), prefix: request.prefix, language: request.language)
    }
}
