import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The general family's commands, each to its handler.
    func run(_ command: GeneralCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .help(let topic): help(topic, request)
        case .status: try status(request)
        case .language(let chosen): try setLanguage(chosen, request)
        }
    }

    /// `!help`: what the caller may use in this room, or one command's usage.
    func help(_ topic: CommandName?, _ request: CommandRequest) -> BotMessage {
        request.say.help(role: request.role, place: request.place, topic: topic)
    }

    /// `!language`: the room's language from now on.
    func setLanguage(_ chosen: Language, _ request: CommandRequest) throws -> BotMessage {
        try writer.rooms.setLanguage(roomID: request.room.roomID, language: chosen.rawValue)
        return context.config.texts(chosen).languageChanged()
    }

    /// `!status`: reads what `StatusFacts` needs (the next session of the group in context and
    /// who facilitates it; a student's open tasks and what waits for them), then lets it speak.
    func status(_ request: CommandRequest) throws -> BotMessage {
        var facts = StatusFacts(caller: request.sender, role: request.role)
        if let group = try? contextGroup(request), let next = try writer.sessions.next(ofGroup: group.id, after: context.now) {
            let choice = try lookup.facilitator(of: next)
            facts.next = .init(plan: try lookup.plan(next), facilitatorUserID: choice.userID,
                               facilitatorName: try lookup.facilitatorName(choice))
        }
        if request.role == .student {
            facts.openTasks = try writer.tasks.open(assignee: request.sender).map { .init(id: $0.id, text: $0.text) }
            facts.pendingAssessment = try writer.assessment.openRound(forRater: request.sender) != nil
            if let group = try writer.groups.active(ofStudent: request.sender) {
                facts.pendingReflection = try openItems(of: group)[request.sender]?.contains { if case .reflect = $0 { true } else { false } } ?? false
            }
        }
        return facts.report(timeZone: context.config.timeZone, say: request.say)
    }
}
