import Foundation

/// One step of `!groups create`, in the order the runtime applies it in the batch's transaction.
/// A group is named by its place in the proposal: its id (and so its room's `ref:` name) is
/// handed out by the store when `createGroups` is applied, and the runtime maps the place to it.
public enum GroupCreationEffect: Sendable, Equatable {
    /// Archive the active groups and store these, in this order.
    case createGroups([ProposedGroup])
    /// Mark the proposal as used, so it is not created twice.
    case consumeProposal
    /// Ask for the room of the group at `group`, with its name and topic, inviting its students.
    case createRoom(group: Int, name: String, topic: String, students: [String])
    /// Post `message` in that group's room once it exists, mentioning `mentions`.
    case welcomeGroup(group: Int, BotMessage, mentions: [String])
    /// Welcome the student in their direct room (asked for first if they have none), addressed
    /// to them by name.
    case welcomeStudent(Student, BotMessage)
    /// Make the rows queued so far one batch whose progress a message in the room asked in shows;
    /// its numbers are how many rows the messages became, which only the outbox knows.
    case startProgress
}

/// The decision for `!groups create`: the latest proposal becomes the groups, their rooms and the welcomes.
public struct GroupCreation: Sendable, Equatable {
    public var effects: [GroupCreationEffect]
    public var reply: BotMessage

    /// The latest proposal as the store has it.
    public enum Latest: Sendable, Equatable {
        /// Created already.
        case consumed
        /// Not yet created.
        case open(GroupProposal)
    }

    public init(effects: [GroupCreationEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `latest` is nil when no proposal was made; `roster` holds the students on the roster by
    /// user id. Rooms and welcomes speak `welcome` (the deployment's language, the command's
    /// prefix); the rooms are named after the cohort of `now`.
    public static func decide(
        _ latest: Latest?, roster: [String: Student], now: Date, timeZone: ZoneRules, welcome: Texts, say: Texts
    ) -> GroupCreation {
        guard let latest else { return GroupCreation(effects: [], reply: say.groups.noProposal()) }
        guard case .open(let proposal) = latest else { return GroupCreation(effects: [], reply: say.groups.proposalAlreadyCreated()) }
        // Someone proposed has left the roster since: the proposal would put them in a room.
        guard proposal.groups.allSatisfy({ $0.members.allSatisfy { roster[$0] != nil } }) else {
            return GroupCreation(effects: [], reply: say.groups.proposalOutdated())
        }
        let language = welcome.language
        let cohort = CohortNaming.cohort(at: now, timeZone: timeZone, language: language)
        var effects: [GroupCreationEffect] = [.createGroups(proposal.groups), .consumeProposal]
        var views: [GroupView] = []
        for (index, planned) in proposal.groups.enumerated() {
            let view = GroupView(name: planned.name, roomID: nil,
                                 members: planned.members.compactMap { roster[$0] }.map { .init(student: $0, joined: false) })
            views.append(view)
            effects.append(.createRoom(group: index, name: CohortNaming.groupRoomName(cohort: cohort, group: planned.name, language: language),
                                       topic: CohortNaming.groupRoomTopic(nextSession: nil, language: language), students: planned.members))
            effects.append(.welcomeGroup(group: index, welcome.groups.groupWelcome(view), mentions: planned.members))
            for member in view.members {
                effects.append(.welcomeStudent(member.student, welcome.groups.studentWelcome(name: member.student.name, group: planned.name)))
            }
        }
        effects.append(.startProgress)
        return GroupCreation(effects: effects, reply: say.groups.groupsCreated(views))
    }
}
