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

    /// `!evaluate`: reads each group's open round and size, lets `EvaluationStart` decide, then
    /// starts the rounds it chose (`AssessmentRounds` sends the introductions and first requests).
    func evaluate(_ ref: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let chosen = try groups(ref, request)
        let facts = try chosen.map { group in
            EvaluationStart.Group(name: group.name, roundOpen: try writer.assessment.openRound(ofGroup: group.id) != nil,
                                  members: try writer.groups.members(ofGroup: group.id).count)
        }
        let decision = EvaluationStart.decide(facts, say: request.say)
        let rounds = AssessmentRounds(writer: writer, config: context.config, now: context.now)
        for index in decision.starts {
            _ = try rounds.start(chosen[index], startedBy: request.sender)
        }
        return decision.reply
    }

    /// Feedback to one student (their direct room) or a group (its room), kept in their record:
    /// reads the recipients, lets `FeedbackChange` decide, then keeps and sends it.
    func feedback(_ target: FeedbackTarget, text: String, _ request: CommandRequest) throws -> BotMessage {
        let from = request.sender
        let chosen: [StudyGroupRecord]
        let decision: FeedbackChange
        switch target {
        case .user(let userID):
            chosen = []
            decision = FeedbackChange.toStudent(userID, text: text, from: from, name: try writer.roster.find(userID: userID)?.name,
                                                student: context.config.texts(context.config.language), say: request.say)
        case .group(let ref):
            chosen = try groups(ref, request)
            let facts = try chosen.map { group in
                FeedbackChange.Group(name: group.name, members: try writer.groups.members(ofGroup: group.id).map(\.userID),
                                     texts: context.config.texts(try roomLanguage(ofGroup: group)))
            }
            decision = FeedbackChange.toGroups(facts, text: text, from: from, say: request.say)
        }
        for effect in decision.effects {
            switch effect {
            case .toStudent(let userID, let message):
                try writer.assessment.addFeedback(userID: userID, groupID: nil, text: text, from: from, at: context.now)
                let room = try DirectRooms(writer: writer, config: context.config).room(for: userID)
                try writer.enqueue(message, to: room, mention: userID)
            case .toGroup(let index, let message, let mentions):
                try writer.assessment.addFeedback(userID: nil, groupID: chosen[index].id, text: text, from: from, at: context.now)
                try post(message, toGroup: chosen[index], mentions: mentions)
            }
        }
        return decision.reply
    }

    /// `!criteria`: reads the active groups, lets `CriteriaPosting` decide, and applies its
    /// effects in order; a pin names the row that posts its message, known once it is queued.
    func criteria(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        let groups = try writer.groups.active()
        let facts = try groups.map { CriteriaPosting.Group(id: $0.id, name: $0.name, say: context.config.texts(try roomLanguage(ofGroup: $0))) }
        let decision = CriteriaPosting.decide(text, groups: facts, say: request.say)
        let byID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for effect in decision.effects {
            switch effect {
            case .store(let criteria):
                try writer.settings.set(SettingKeys.criteria, criteria)
            case .postAndPin(let groupID, let announcement):
                guard let group = byID[groupID] else { continue }
                let roomID = lookup.room(of: group)
                let posted = try writer.enqueue(announcement, to: roomID)
                let pins: JSONValue = ["pinned": [.string(OutboxAction.eventRef(posted.id))]]
                try writer.outbox.enqueue(.state(roomID: roomID, eventType: "m.room.pinned_events", stateKey: "", contentJSON: pins.jsonString()))
            }
        }
        return decision.reply
    }
}
