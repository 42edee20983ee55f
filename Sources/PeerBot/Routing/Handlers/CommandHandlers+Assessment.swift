import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The assessment family's commands, each to its handler.
    func run(_ command: AssessmentCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .criteria(let text): try refusable { try criteria(text, request) }
        case .evaluate(let ref): try refusable { try evaluate(ref, request) }
        case .feedback(let target, let text): try refusable { try feedback(target, text: text, request) }
        }
    }

    func evaluate(_ ref: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let rounds = AssessmentRounds(writer: writer, config: context.config, now: context.now)
        var last: BotMessage?
        for group in try groups(ref, request) {
            if try writer.assessment.openRound(ofGroup: group.id) != nil {
                last = request.say.assessment.assessmentAlreadyRunning(group: group.name)
            } else if try rounds.start(group, startedBy: request.sender) != nil {
                last = request.say.assessment.assessmentStarted(group: group.name, students: try writer.groups.members(ofGroup: group.id).count)
            } else {
                last = request.say.assessment.assessmentNothingToRate(group: group.name)
            }
        }
        return last ?? request.say.groups.groupsOverview([])
    }

    /// Feedback to one student (their direct room) or a group (its room), kept in their record.
    func feedback(_ target: FeedbackTarget, text: String, _ request: CommandRequest) throws -> BotMessage {
        let from = request.sender
        switch target {
        case .user(let userID):
            guard let student = try writer.roster.find(userID: userID) else { return request.say.roster.studentNotFound(userID: userID) }
            try writer.assessment.addFeedback(userID: userID, groupID: nil, text: text, from: from, at: context.now)
            let room = try DirectRooms(writer: writer, config: context.config).room(for: userID)
            let message = context.config.texts(context.config.language).feedback.feedbackToStudent(text: text, from: MatrixUserID.localpart(of: from))
            try writer.enqueue(message, to: room, mention: userID)
            return request.say.feedback.feedbackSent(to: student.name)
        case .group(let ref):
            let chosen = try groups(ref, request)
            guard !chosen.isEmpty else { return request.say.sessions.noGroupHere() }
            for group in chosen {
                try writer.assessment.addFeedback(userID: nil, groupID: group.id, text: text, from: from, at: context.now)
                try post(context.config.texts(try roomLanguage(ofGroup: group)).feedback.feedbackToGroup(text: text, group: group.name, from: MatrixUserID.localpart(of: from)), toGroup: group,
                     mentions: try writer.groups.members(ofGroup: group.id).map(\.userID))
            }
            return request.say.feedback.feedbackSent(to: chosen.map(\.name).joined(separator: ", "))
        }
    }

    /// Stores the criteria, and posts and pins them in every group room.
    func criteria(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        try writer.settings.set(SettingKeys.criteria, text)
        for group in try writer.groups.active() {
            let roomID = lookup.room(of: group)
            let announcement = context.config.texts(try roomLanguage(ofGroup: group)).assessment.criteriaAnnouncement(text: text, group: group.name)
            let posted = try writer.enqueue(announcement, to: roomID)
            let pins: JSONValue = ["pinned": [.string(OutboxAction.eventRef(posted.id))]]
            try writer.outbox.enqueue(.state(roomID: roomID, eventType: "m.room.pinned_events", stateKey: "", contentJSON: pins.jsonString()))
        }
        return request.say.assessment.criteriaPosted(text: text)
    }
}
