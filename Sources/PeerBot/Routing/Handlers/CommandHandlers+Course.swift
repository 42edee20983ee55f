import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The course family's commands, each to its handler.
    func run(_ command: CourseCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .release(let ref, let round): try refusable { try release(ref, round: round, request) }
        case .extend(let user, let duration): try refusable { try extend(user, by: duration, request) }
        case .overview(let ref): try refusable { try overview(ref, request) }
        }
    }

    /// `!release`: the round of each group named.
    func release(_ ref: GroupRef, round: Int?, _ request: CommandRequest) throws -> BotMessage {
        var last: BotMessage?
        for group in try groups(ref, request) { last = try release(group, round: round, request) }
        return last ?? request.say.groups.groupsOverview([])
    }

    /// The overview names scores and flags; asked outside the supervisor room, the router's
    /// private-answer rule (`PrivateReplies`) posts it there instead.
    func overview(_ ref: GroupRef, _ request: CommandRequest) throws -> BotMessage {
        let reports = try groups(ref, request).map { try OverviewBuilder(reader: writer, now: context.now).overview(of: $0) }
        return request.say.overview.overview(reports)
    }

    /// Sends each student of a closed round their band and, when enough peers commented, the
    /// comments: `AssessmentRelease` picks the round and decides what is sent; this sends it.
    func release(_ group: StudyGroupRecord, round number: Int?, _ request: CommandRequest) throws -> BotMessage {
        let rounds = try writer.assessment.rounds(ofGroup: group.id)
        let states = rounds.map { AssessmentRelease.Round(isOpen: $0.isOpen, released: $0.releasedAt != nil) }
        let index: Int
        switch AssessmentRelease.chooseRound(states, number: number, group: group.name, say: request.say) {
        case .refused(let answer): return answer
        case .round(let chosen): index = chosen
        }
        let round = rounds[index]
        let ratings = try writer.assessment.ratings(round: round.id).map { Rating(rater: $0.rater, subject: $0.subject, marks: $0.marks, comment: $0.comment) }
        var generator = SystemRandomNumberGenerator()
        let decision = AssessmentRelease.decide(round: index, group: group.name, result: try lookup.result(of: round), ratings: ratings,
                                                minimum: context.config.minAnonymousComments,
                                                students: context.config.texts(context.config.language), say: request.say, using: &generator)
        for effect in decision.effects {
            switch effect {
            case .sendToStudent(let userID, let message):
                let room = try DirectRooms(writer: writer, config: context.config).room(for: userID)
                try writer.enqueue(message, to: room, mention: userID)
            case .markReleased:
                // Checked above in this same transaction, so this cannot find the round released.
                _ = try writer.assessment.markReleased(round: round.id, by: request.sender, at: context.now)
            }
        }
        return decision.reply
    }
}
