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
        Texts.help(role: request.role, place: request.place, prefix: request.prefix, language: request.language, topic: topic)
    }

    /// `!language`: the room's language from now on.
    func setLanguage(_ chosen: Language, _ request: CommandRequest) throws -> BotMessage {
        try writer.setRoomLanguage(roomID: request.room.roomID, language: chosen.rawValue)
        return Texts.languageChanged(to: chosen)
    }

    /// `!status`: the next session of the group in context and who facilitates it.
    func status(_ request: CommandRequest) throws -> BotMessage {
        var info = StatusInfo(role: request.role, nextSession: nil, facilitator: nil, openTasks: [], pendingReflection: false, pendingAssessment: false)
        if let group = try? contextGroup(request), let next = try writer.nextSession(ofGroup: group.id, after: context.now) {
            let plan = try lookup.plan(next)
            info.nextSession = "#\(plan.number) \(plan.title), " + SessionTimeFormat.dateTime(plan.start, timeZone: context.config.timeZone, language: request.language)
            let choice = try lookup.facilitator(of: next)
            info.facilitator = try lookup.facilitatorName(choice) ?? Texts.supervisorWord(request.language)
            if choice.userID == request.sender { info.callerFacilitates = plan.number }
        }
        if request.role == .student {
            info.openTasks = try writer.openTasks(assignee: request.sender).map { "#\($0.id) \($0.text)" }
            info.pendingAssessment = try writer.openAssessmentRound(forRater: request.sender) != nil
            if let group = try writer.activeGroup(ofStudent: request.sender) {
                info.pendingReflection = try openItems(of: group)[request.sender]?.contains { if case .reflect = $0 { true } else { false } } ?? false
            }
        }
        return Texts.status(info, prefix: request.prefix, language: request.language)
    }
}
