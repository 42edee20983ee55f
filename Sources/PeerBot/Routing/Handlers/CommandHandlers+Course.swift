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

    /// Sends each student of a closed round their band and, when enough peers commented, the comments.
    func release(_ group: StudyGroupRecord, round number: Int?, _ request: CommandRequest) throws -> BotMessage {
        let say = request.say
        let rounds = try writer.assessment.rounds(ofGroup: group.id)
        let chosen: Int? = number.map { $0 - 1 } ?? rounds.lastIndex { !$0.isOpen } ?? (rounds.isEmpty ? nil : rounds.count - 1)
        guard let index = chosen, rounds.indices.contains(index) else {
            return say.assessment.noSuchRound(group: group.name, round: number)
        }
        let round = rounds[index]
        guard !round.isOpen else { return say.assessment.roundStillOpen(group: group.name, round: index + 1) }
        guard round.releasedAt == nil else { return say.assessment.roundAlreadyReleased(group: group.name, round: index + 1) }
        let result = try lookup.result(of: round)
        let ratings = try writer.assessment.ratings(round: round.id).map { Rating(rater: $0.rater, subject: $0.subject, marks: $0.marks, comment: $0.comment) }
        let minimum = context.config.minAnonymousComments
        var generator = SystemRandomNumberGenerator()
        var withComments = 0
        for member in result.members {
            let comments = AnonymousComments.forRelease(ratings, subject: member.userID, minimum: minimum, using: &generator)
            if comments != nil { withComments += 1 }
            let message = context.config.texts(context.config.language).assessment.releasedResult(band: member.band, comments: comments, minimum: minimum, group: group.name)
            let room = try DirectRooms(writer: writer, config: context.config).room(for: member.userID)
            try writer.enqueue(message, to: room, mention: member.userID)
        }
        // Checked above in this same transaction, so this cannot find the round released.
        _ = try writer.assessment.markReleased(round: round.id, by: request.sender, at: context.now)
        return say.assessment.roundReleased(group: group.name, round: index + 1, students: result.members.count,
                                             withComments: withComments)
    }
}
