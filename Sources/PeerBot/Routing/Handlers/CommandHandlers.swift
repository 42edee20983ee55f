import Foundation
import Logging
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
    /// When the message was sent, as far as the bot believes the sender's clock.
    var sentAt: Date = .distantPast
    /// The student's text in the command after the patient guard, when it carries one.
    var guarded: GuardedText?

    /// The kind of room the command was written in, as the command definitions name it.
    var place: CommandPlace {
        switch room.kind {
        case .group: .group
        case .direct: room.userID == sender ? .direct : .other
        case .supervisor: .supervisor
        case .invited: .other
        }
    }
}

/// Runs admitted commands against the store. Every command has its case here, grouped by
/// family, and its handler in the family's `CommandHandlers+<Family>.swift`.
struct CommandHandlers {
    let context: BatchContext
    let writer: StoreWriter
    var logger = Logger(label: "peerbot.commands")

    /// The reply to post, after applying the command's effects in the current transaction.
    func run(_ command: Command, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        // General
        case .help(let topic): return help(topic, request)
        case .status: return try status(request)
        case .language(let chosen): return try setLanguage(chosen, request)
        // Roster
        case .studentAdd(let userID, let name, let attributes): return try addStudent(userID, name: name, attributes: attributes, request)
        case .studentRemove(let userID): return try removeStudent(userID, request)
        case .students: return try listStudents(request)
        // Groups
        case .groupsPlan(let size, let seed): return try planGroups(size: size, seed: seed, request)
        case .groupsCreate: return try createGroups(request)
        case .groups: return try listGroups(request)
        case .groupMove(let userID, let group): return try move(userID, to: group, request)
        // Sessions
        case .sessionPlan(let group, let when, let duration, let title):
            return try refusable { try planSessions(group, when: when, duration: duration, title: title, request) }
        case .sessionGoal(let ref, let text): return try refusable { try addItem(ref, kind: .goal, text: text, request) }
        case .sessionOutcome(let ref, let text): return try refusable { try addItem(ref, kind: .outcome, text: text, request) }
        case .sessionActivity(let ref, let kind, let brief): return try refusable { try setActivity(ref, kind: kind, brief: brief, request) }
        case .sessionMove(let ref, let when): return try refusable { try move(ref, when: when, request) }
        case .sessionCancel(let ref): return try refusable { try cancel(ref, request) }
        case .sessions(let group): return try refusable { try list(group, request) }
        // Participation
        case .understood: return try refusable { try understood(request) }
        case .question(let text): return try refusable { try question(text, request) }
        case .ready(let userID): return try refusable { try setReady(userID, true, request) }
        case .notReady(let userID): return try refusable { try setReady(userID, false, request) }
        case .facilitator(let target): return try refusable { try facilitator(target, request) }
        case .absent(let ref, let user): return try refusable { try absent(ref, user: user, request) }
        // Tasks
        case .taskAdd(let assignee, let text, let due): return try refusable { try addTask(assignee, text: text, due: due, request) }
        case .taskDone(let id): return try refusable { try closeTask(Int64(id), request) }
        case .tasks: return try refusable { try listTasks(request) }
        // Reflection
        case .reflect(let text): return try refusable { try reflect(text, request) }
        // Assessment
        case .criteria(let text): return try refusable { try criteria(text, request) }
        case .evaluate(let ref): return try refusable { try evaluate(ref, request) }
        case .feedback(let target, let text): return try refusable { try feedback(target, text: text, request) }
        // Reporting
        case .summary(let group, let session): return try refusable { try summary(group, session, request) }
        case .remind(let group): return try refusable { try remind(group, request) }
        case .export(let group): return try refusable { try export(group, request) }
        // Course
        case .release(let ref, let round): return try refusable { try release(ref, round: round, request) }
        case .extend(let user, let duration): return try refusable { try extend(user, by: duration, request) }
        case .overview(let ref): return try refusable { try overview(ref, request) }
        // Privacy
        case .mydata: return try refusable { try myData(request) }
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

    /// `!help`: what the caller may use in this room, or one command's usage.
    private func help(_ topic: CommandName?, _ request: CommandRequest) -> BotMessage {
        Texts.help(role: request.role, place: request.place, prefix: request.prefix, language: request.language, topic: topic)
    }

    /// `!language`: the room's language from now on.
    private func setLanguage(_ chosen: Language, _ request: CommandRequest) throws -> BotMessage {
        try writer.rooms.setLanguage(roomID: request.room.roomID, language: chosen.rawValue)
        return Texts.languageChanged(to: chosen)
    }

    /// `!status`: the next session of the group in context and who facilitates it.
    private func status(_ request: CommandRequest) throws -> BotMessage {
        var info = StatusInfo(role: request.role, nextSession: nil, facilitator: nil, openTasks: [], pendingReflection: false, pendingAssessment: false)
        if let group = try? contextGroup(request), let next = try writer.sessions.next(ofGroup: group.id, after: context.now) {
            let plan = try lookup.plan(next)
            info.nextSession = "#\(plan.number) \(plan.title), " + SessionTimeFormat.dateTime(plan.start, timeZone: context.config.timeZone, language: request.language)
            let choice = try lookup.facilitator(of: next)
            info.facilitator = try lookup.facilitatorName(choice) ?? Texts.supervisorWord(request.language)
            if choice.userID == request.sender { info.callerFacilitates = plan.number }
        }
        if request.role == .student {
            info.openTasks = try writer.tasks.open(assignee: request.sender).map { "#\($0.id) \($0.text)" }
            info.pendingAssessment = try writer.assessment.openRound(forRater: request.sender) != nil
            if let group = try writer.groups.active(ofStudent: request.sender) {
                info.pendingReflection = try openItems(of: group)[request.sender]?.contains { if case .reflect = $0 { true } else { false } } ?? false
            }
        }
        return Texts.status(info, prefix: request.prefix, language: request.language)
    }
}
