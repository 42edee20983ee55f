import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The reflection family's commands, each to its handler.
    func run(_ command: ReflectionCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .reflect(let text): try refusable { try reflect(text, request) }
        }
    }

    /// `!reflect <text>`: a group reflection in the student's own group room, a private one in
    /// their direct room, on the group's latest round. Reads the round and the room, lets
    /// `ReflectCommand` decide, and applies the keeping through `ReflectionIntake`.
    func reflect(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        let group = try writer.groups.active(ofStudent: request.sender)
        let round = try group.flatMap { try writer.reflections.latestRound(ofGroup: $0.id) }
        let record = try round.flatMap { try writer.sessions.find(number: $0.sessionNumber) }
        let intake = ReflectionIntake(context: context, writer: writer, logger: logger)
        // With no round open the decision reads nothing else, so nothing else is read.
        let open = round != nil && record != nil
        let (fromStudent, alreadyKept) = open ? try intake.sender(request.sender, eventID: request.eventID) : (false, false)
        // The router has guarded a student's text already (`EventRouter.guardedCommand`).
        let kept = request.guarded ?? GuardedText(text: text, kinds: [])
        let facts = open ? try round.map { try intake.facts($0, request.sender, sent: request.sentAt) } : nil
        let decision = ReflectCommand.decide(
            kept, sent: request.sentAt, plan: try record.map(lookup.plan), round: facts?.round,
            place: open ? try place(of: request, group: group) : .elsewhere, fromStudent: fromStudent, alreadyKept: alreadyKept,
            redactsMasked: context.config.patientGuard == .redact, refusals: Texts(context.language(of: request.room)), say: request.say)
        if let round, !decision.effects.isEmpty {
            _ = try intake.apply(decision.effects, eventID: request.eventID, sender: request.sender, round: round, room: request.room,
                                 supervisorRoomID: facts?.supervisorRoomID)
        }
        return decision.reply
    }

    /// Where `!reflect` was written, seen from the student's active group.
    private func place(of request: CommandRequest, group: StudyGroupRecord?) throws -> ReflectPlace {
        guard let group else { return .elsewhere }
        if request.room.kind == .group, try writer.groups.find(forRoom: request.room.roomID)?.id == group.id { return .ownGroupRoom }
        if request.room.kind == .direct, request.room.userID == request.sender { return .ownDirectRoom }
        return .elsewhere
    }
}
