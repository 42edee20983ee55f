import Foundation
import PeerBotStore
import PeerLearning

extension StudentRecord {
    var student: Student { Student(userID: userID, name: name, attributes: attributes) }
}

extension CommandHandlers {
    /// `!student add`, `!student remove`, `!students`.
    func roster(_ command: Command, _ request: CommandRequest) throws -> BotMessage {
        let language = request.language
        switch command {
        case .studentAdd(let userID, let name, let attributes):
            let student = Student(userID: userID, name: name, attributes: attributes)
            let added = try writer.upsertStudent(userID: student.userID, name: student.name, attributes: student.attributes, at: context.now)
            return Texts.studentAdded(student, updated: !added, language: language)
        case .studentRemove(let userID):
            guard try writer.removeStudent(userID: userID) else { return Texts.studentNotFound(userID: userID, language: language) }
            return Texts.studentRemoved(userID: userID, language: language)
        default:
            return Texts.roster(try writer.students().map(\.student), prefix: request.prefix, language: language)
        }
    }
}
