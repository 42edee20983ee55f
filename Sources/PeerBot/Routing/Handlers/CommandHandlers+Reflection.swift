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
    /// their direct room, on the group's latest round.
    func reflect(_ text: String, _ request: CommandRequest) throws -> BotMessage {
        guard let group = try writer.groups.active(ofStudent: request.sender),
              let round = try writer.reflections.latestRound(ofGroup: group.id),
              let record = try writer.sessions.find(number: round.sessionNumber) else {
            return request.say.reflections.noOpenReflection()
        }
        // Private only where only the student and the bot read it; shared only in their own group's room.
        let scope: ReflectionScope
        if request.room.kind == .group, try writer.groups.find(forRoom: request.room.roomID)?.id == group.id {
            scope = .group
        } else if request.room.kind == .direct, request.room.userID == request.sender {
            scope = .private
        } else {
            return request.say.privacy.reflectNotHere()
        }
        // The router has guarded a student's text already (`EventRouter.guardedCommand`).
        let kept = request.guarded ?? GuardedText(text: text, kinds: [])
        let intake = ReflectionIntake(context: context, writer: writer, logger: logger)
        if case .refused(let answer) = try intake.keep(kept, eventID: request.eventID, sender: request.sender, sent: request.sentAt,
                                                       scope: scope, round: round, room: request.room, acknowledge: false) {
            return answer
        }
        return request.say.reflections.reflectionAck(plan: try lookup.plan(record), scope: scope,
                                         late: round.timeline.isLate(sent: request.sentAt, ownDeadline: try intake.ownDeadline(round, request.sender)))
    }
}
