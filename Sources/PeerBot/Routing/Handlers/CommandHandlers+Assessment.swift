import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    func evaluate(_ ref: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let rounds = AssessmentRounds(writer: writer, config: context.config, now: context.now)
        var last: BotMessage?
        for group in try groups(ref, request) {
            if try writer.assessment.openRound(ofGroup: group.id) != nil {
                last = Texts.assessmentAlreadyRunning(group: group.name, language: request.language)
            } else if try rounds.start(group, startedBy: request.sender) != nil {
                last = Texts.assessmentStarted(group: group.name, students: try writer.groups.members(ofGroup: group.id).count, language: request.language)
            } else {
                last = Texts.assessmentNothingToRate(group: group.name, language: request.language)
            }
        }
        return last ?? Texts.groupsOverview([], prefix: request.prefix, language: request.language)
    }

    /// Feedback to one student (their direct room) or a group (its room), kept in their record.
    func feedback(_ target: FeedbackTarget, text: String, _ request: CommandRequest) throws -> BotMessage {
        let from = request.sender
        switch target {
        case .user(let userID):
            guard let student = try writer.roster.find(userID: userID) else { return Texts.studentNotFound(userID: userID, language: request.language) }
            try writer.assessment.addFeedback(userID: userID, groupID: nil, text: text, from: from, at: context.now)
            let room = try DirectRooms(writer: writer, config: context.config).room(for: userID)
            let message = Texts.feedbackToStudent(text: text, from: MatrixUserID.localpart(of: from), language: context.config.language)
            try writer.enqueue(message, to: room, mention: userID)
            return Texts.feedbackSent(to: student.name, language: request.language)
        case .group(let ref):
            let chosen = try groups(ref, request)
            guard !chosen.isEmpty else { return Texts.noGroupHere(language: request.language) }
            for group in chosen {
                try writer.assessment.addFeedback(userID: nil, groupID: group.id, text: text, from: from, at: context.now)
                try post(Texts.feedbackToGroup(text: text, group: group.name, from: MatrixUserID.localpart(of: from), language: try roomLanguage(ofGroup: group)), toGroup: group,
                     mentions: try writer.groups.members(ofGroup: group.id).map(\.userID))
            }
            return Texts.feedbackSent(to: chosen.map(\.name).joined(separator: ", "), language: request.language)
        }
    }

    /// Stores the criteria, and posts and pins them in every group room.
    func criteria(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        try writer.settings.set(SettingKeys.criteria, text)
        for group in try writer.groups.active() {
            let roomID = lookup.room(of: group)
            let announcement = Texts.criteriaAnnouncement(text: text, group: group.name, language: try roomLanguage(ofGroup: group))
            let posted = try writer.enqueue(announcement, to: roomID)
            let pins: JSONValue = ["pinned": [.string(OutboxAction.eventRef(posted.id))]]
            try writer.outbox.enqueue(.state(roomID: roomID, eventType: "m.room.pinned_events", stateKey: "", contentJSON: pins.jsonString()))
        }
        return Texts.criteriaPosted(text: text, language: request.language)
    }
}
