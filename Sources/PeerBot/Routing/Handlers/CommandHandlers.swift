import Foundation
import PeerBotStore
import PeerLearning

/// One command to run: who asked, where, in which language.
struct CommandRequest: Sendable {
    let room: RoomRecord
    let sender: String
    let eventID: String
    let role: Role
    let language: Language
    let prefix: String
    /// The user ids in the event's `m.mentions`, for a user argument a client wrote as a pill.
    var mentions: [String] = []
}

/// Runs admitted commands against the store; each family lives in its own file.
struct CommandHandlers {
    let context: BatchContext
    let writer: StoreWriter

    /// The reply to post, after applying the command's effects in the current transaction.
    func run(_ command: Command, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .help(let topic):
            return Texts.help(role: request.role, prefix: request.prefix, language: request.language, topic: topic)
        case .language(let chosen):
            try writer.setRoomLanguage(roomID: request.room.roomID, language: chosen.rawValue)
            return Texts.languageChanged(to: chosen)
        case .status:
            return try status(request)
        case .studentAdd, .studentRemove, .students:
            return try roster(command, request)
        case .groupsPlan, .groupsCreate, .groups, .groupMove:
            return try groups(command, request)
        case .sessionPlan, .sessionGoal, .sessionOutcome, .sessionActivity, .sessionMove, .sessionCancel, .sessions:
            return try refusable { try sessions(command, request) }
        case .understood, .question, .ready, .notReady, .facilitator, .absent, .criteria:
            return try refusable { try participation(command, request) }
        case .taskAdd, .taskDone, .tasks:
            return try refusable { try tasks(command, request) }
        case .summary, .remind, .export:
            return try refusable { try reporting(command, request) }
        case .evaluate, .feedback, .mydata:
            return try refusable { try assessment(command, request) }
        case .release, .extend, .overview:
            return try refusable { try course(command, request) }
        default:
            return Texts.notAvailableYet(command.name, prefix: request.prefix, language: request.language)
        }
    }

    /// Runs a handler that may stop early with an error reply.
    private func refusable(_ body: () throws -> BotMessage) throws -> BotMessage {
        do {
            return try body()
        } catch let refusal as Refusal {
            return refusal.reply
        }
    }

    /// `!status`: the next session of the group in context and who facilitates it.
    private func status(_ request: CommandRequest) throws -> BotMessage {
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
