import Foundation
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// `!extend @user <duration>`: reads the student's open reflection and assessment deadlines,
    /// lets `ExtensionGrant` move them, and applies its effects in order.
    func extend(_ user: UserArgument, by duration: DurationSpec, _ request: CommandRequest) throws -> BotMessage {
        let userID = try resolve(user, request)
        let decision = ExtensionGrant.decide(userID, student: try extensionFacts(userID), by: duration.seconds, now: context.now,
                                             timeZone: context.config.timeZone,
                                             notice: context.config.texts(context.config.language), say: request.say)
        for effect in decision.effects {
            switch effect {
            case .extend(let deadline, let date, let reminded):
                try writer.deadlines.extend(deadline.kind, userID: userID, to: date, at: context.now, reminded: reminded)
            case .tellStudent(let notice):
                try writer.enqueue(notice, to: try DirectRooms(writer: writer, config: context.config).room(for: userID), mention: userID)
            }
        }
        return decision.reply
    }

    /// The student on the roster and in an active group, with their open deadlines; nil otherwise.
    private func extensionFacts(_ userID: String) throws -> ExtensionGrant.Student? {
        guard let student = try writer.roster.find(userID: userID), let group = try writer.groups.active(ofStudent: userID) else { return nil }
        var open: [ExtensionGrant.Open] = []
        if let round = try openReflection(of: userID, group: group) {
            let current = try writer.deadlines.deadline(.reflection(session: round.sessionNumber), userID: userID, common: round.deadline)
            open.append(ExtensionGrant.Open(.reflection(session: round.sessionNumber), item: .reflection(session: Int(round.sessionNumber)),
                                            current: current))
        }
        if let round = try writer.assessment.openRound(forRater: userID) {
            let current = try writer.deadlines.deadline(.assessment(round: round.id), userID: userID, common: round.deadline)
            open.append(ExtensionGrant.Open(.assessment(round: round.id), item: .assessment(group: group.name), current: current))
        }
        return ExtensionGrant.Student(name: student.name, open: open)
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

extension ExtensionTarget {
    /// The store's key for the same deadline.
    var kind: ExtensionKind {
        switch self {
        case .reflection(let session): .reflection(session: session)
        case .assessment(let round): .assessment(round: round)
        }
    }
}
