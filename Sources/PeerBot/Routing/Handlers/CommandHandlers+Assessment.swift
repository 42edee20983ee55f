import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// `!evaluate`, `!feedback`, `!mydata`.
    func assessment(_ command: Command, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .evaluate(let ref):
            return try evaluate(ref, request)
        case .feedback(let target, let text):
            return try feedback(target, text: text, request)
        case .mydata:
            return try myData(request)
        default:
            return Texts.notAvailableYet(command.name, prefix: request.prefix, language: request.language)
        }
    }

    private func evaluate(_ ref: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let rounds = AssessmentRounds(writer: writer, config: context.config, now: context.now)
        var last: BotMessage?
        for group in try groups(ref, request) {
            if try writer.openAssessmentRound(ofGroup: group.id) != nil {
                last = Texts.assessmentAlreadyRunning(group: group.name, language: request.language)
            } else if try rounds.start(group, startedBy: request.sender) != nil {
                last = Texts.assessmentStarted(group: group.name, students: try writer.members(ofGroup: group.id).count, language: request.language)
            } else {
                last = Texts.assessmentNothingToRate(group: group.name, language: request.language)
            }
        }
        return last ?? Texts.groupsOverview([], prefix: request.prefix, language: request.language)
    }

    /// Feedback to one student (their direct room) or a group (its room), kept in their record.
    private func feedback(_ target: FeedbackTarget, text: String, _ request: CommandRequest) throws -> BotMessage {
        let from = request.sender
        switch target {
        case .user(let userID):
            guard let student = try writer.student(userID: userID) else { return Texts.studentNotFound(userID: userID, language: request.language) }
            try writer.addFeedback(userID: userID, groupID: nil, text: text, from: from, at: context.now)
            let room = try DirectRooms(writer: writer, config: context.config).room(for: userID)
            let message = Texts.feedbackToStudent(text: text, from: MatrixUserID.localpart(of: from), language: context.config.language)
            try writer.enqueue(message, to: room, mention: userID)
            return Texts.feedbackSent(to: student.name, language: request.language)
        case .group(let ref):
            let chosen = try groups(ref, request)
            guard !chosen.isEmpty else { return Texts.noGroupHere(language: request.language) }
            for group in chosen {
                try writer.addFeedback(userID: nil, groupID: group.id, text: text, from: from, at: context.now)
                try post(Texts.feedbackToGroup(text: text, group: group.name, from: MatrixUserID.localpart(of: from), language: try roomLanguage(ofGroup: group)), toGroup: group,
                     mentions: try writer.members(ofGroup: group.id).map(\.userID))
            }
            return Texts.feedbackSent(to: chosen.map(\.name).joined(separator: ", "), language: request.language)
        }
    }

    /// Everything stored about the caller, as a JSON file in their direct room.
    private func myData(_ request: CommandRequest) throws -> BotMessage {
        let document = try MyDataBuilder(reader: writer).document(for: request.sender, now: context.now)
        let room = try DirectRooms(writer: writer, config: context.config).room(for: request.sender)
        let file = OutgoingFile(filename: document.fileName, mimetype: "application/json", bytes: try document.json(),
                                message: Texts.myDataReady(language: request.language))
        try writer.enqueue(.sendFile(roomID: room, fileJSON: file.json))
        return Texts.myDataSentToDirectRoom(language: request.language)
    }
}
