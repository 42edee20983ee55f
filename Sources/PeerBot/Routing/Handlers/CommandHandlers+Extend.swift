import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The longest extension one `!extend` grants: a placement lasts at most a few months.
    static let longestExtension = 30 * 86_400

    /// `!extend @user <duration>`: the student's open reflection and assessment deadlines move.
    func extend(_ user: UserArgument, by duration: DurationSpec, _ request: CommandRequest) throws -> BotMessage {
        let say = request.say
        let userID = try resolve(user, request)
        guard try writer.roster.find(userID: userID) != nil, let group = try writer.groups.active(ofStudent: userID) else {
            return say.roster.studentNotFound(userID: userID)
        }
        guard duration.seconds <= Self.longestExtension else {
            return say.extensions.extensionTooLong(days: Self.longestExtension / 86_400)
        }
        let seconds = TimeInterval(duration.seconds)
        var moved: [(kind: ExtendedItem, deadline: Date)] = []
        if let round = try openReflection(of: userID, group: group) {
            let current = try writer.deadlines.deadline(.reflection(session: round.sessionNumber), userID: userID, common: round.deadline)
            let deadline = current.addingTimeInterval(seconds)
            try writer.deadlines.extend(.reflection(session: round.sessionNumber), userID: userID, to: deadline, at: context.now,
                                        reminded: deadline <= context.now)
            moved.append((.reflection(session: Int(round.sessionNumber)), deadline))
        }
        if let round = try writer.assessment.openRound(forRater: userID) {
            let current = try writer.deadlines.deadline(.assessment(round: round.id), userID: userID, common: round.deadline)
            let deadline = current.addingTimeInterval(seconds)
            try writer.deadlines.extend(.assessment(round: round.id), userID: userID, to: deadline, at: context.now, reminded: deadline <= context.now)
            moved.append((.assessment(group: group.name), deadline))
        }
        let name = try writer.roster.find(userID: userID)?.name ?? userID
        guard !moved.isEmpty else { return say.extensions.nothingToExtend(name: name) }
        let timeZone = context.config.timeZone
        let notice = context.config.texts(context.config.language).extensions.deadlineExtended(moved, timeZone: timeZone)
        let room = try DirectRooms(writer: writer, config: context.config).room(for: userID)
        try writer.enqueue(notice, to: room, mention: userID)
        return say.extensions.extensionGranted(name: name, moved, timeZone: timeZone)
    }

    /// The student's reflection still open: on the group's latest session, not given yet, not
    /// excused, and either before the summary or before their own deadline.
    private func openReflection(of userID: String, group: StudyGroupRecord) throws -> ReflectionRoundRecord? {
        guard let round = try writer.reflections.latestRound(ofGroup: group.id),
              try !writer.reflections.reflectedStudents(session: round.sessionNumber).contains(userID),
              try !writer.participation.absentees(round.sessionNumber).contains(userID) else { return nil }
        let own = try writer.deadlines.deadline(.reflection(session: round.sessionNumber), userID: userID, common: round.deadline)
        return round.summarizedAt == nil || context.now < own ? round : nil
    }

    /// A user argument as a user id: typed out, or the first user a client's mention pill names
    /// in `m.mentions.user_ids` (the bot itself left out).
    func resolve(_ user: UserArgument, _ request: CommandRequest) throws -> String {
        switch user {
        case .id(let id):
            return id
        case .mention(let text):
            guard let id = request.mentions.first(where: { $0 != context.botUserID }) else {
                throw Refusal(reply: request.say.extensions.unknownUser(text))
            }
            return id
        }
    }
}
