/// One change a participation command makes, applied by the runtime in the batch's transaction.
public enum ParticipationEffect: Sendable, Equatable {
    /// The caller confirms they understood session `session`'s goals at version `version`.
    case confirmGoals(session: Int, version: Int)
    /// Keep the caller's question (on the session and group in context, if any).
    case keepQuestion(String)
    /// Post `message` to the supervisor room, naming the supervisors.
    case forwardToSupervisors(BotMessage)
    /// Mark `userID` ready (or not) to facilitate.
    case setReady(userID: String, ready: Bool)
    /// Note `userID` absent from session `session`.
    case markAbsent(session: Int, userID: String)
    /// A supervisor's choice of facilitator for session `session`.
    case overrideFacilitator(session: Int, FacilitatorOverride)
}

/// The decision for `!understood`, `!question`, `!ready`, `!facilitator` and `!absent`: what
/// changes and what the caller is told.
public struct ParticipationChange: Sendable, Equatable {
    public var effects: [ParticipationEffect]
    public var reply: BotMessage

    public init(effects: [ParticipationEffect] = [], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `!understood`: `goals` is the group's next session whose goals message is posted, and
    /// the version of its goals; a confirmation names that version.
    public static func understood(
        goals: (plan: SessionPlan, version: Int)?, caller: String, callerName: String?, say: Texts
    ) -> ParticipationChange {
        guard let goals else { return ParticipationChange(reply: say.sessions.noSuchSession(number: nil)) }
        return ParticipationChange(effects: [.confirmGoals(session: goals.plan.number, version: goals.version)],
                                   reply: say.sessions.understoodAck(name: callerName ?? caller, plan: goals.plan))
    }

    /// `!question`: kept always; forwarded when there is a supervisor room, which `supervisors`
    /// speaks for (nil when there is none).
    public static func question(
        _ text: String, caller: String, callerName: String?, group: String?, next: SessionPlan?,
        supervisors: Texts?, say: Texts
    ) -> ParticipationChange {
        var effects: [ParticipationEffect] = [.keepQuestion(text)]
        if let supervisors {
            effects.append(.forwardToSupervisors(supervisors.sessions.questionToSupervisors(
                studentName: callerName ?? caller, userID: caller, group: group, plan: next, text: text)))
        }
        return ParticipationChange(effects: effects, reply: say.sessions.questionForwarded())
    }

    /// `!ready` and `!notready`: `name` is nil when `userID` is not on the roster.
    public static func ready(_ userID: String, _ ready: Bool, name: String?, say: Texts) -> ParticipationChange {
        guard let name else { return ParticipationChange(reply: say.roster.studentNotFound(userID: userID)) }
        return ParticipationChange(effects: [.setReady(userID: userID, ready: ready)],
                                   reply: say.sessions.readyChanged(name: name, ready: ready))
    }

    /// Whether `!absent` may go on: a student marks only themselves, and only someone on the
    /// roster; nil when it may.
    public static func absenceRefusal(
        _ userID: String, caller: String, callerIsSupervisor: Bool, name: String?, say: Texts
    ) -> BotMessage? {
        if userID != caller && !callerIsSupervisor { return say.forbidden(.absent) }
        return name == nil ? say.roster.studentNotFound(userID: userID) : nil
    }

    /// `!absent`, once `absenceRefusal` let it through.
    public static func absent(_ userID: String, name: String, from plan: SessionPlan, say: Texts) -> ParticipationChange {
        ParticipationChange(effects: [.markAbsent(session: plan.number, userID: userID)],
                            reply: say.sessions.absentNoted(name: name, plan: plan))
    }

    /// `!facilitator` for the group's next session: a supervisor's target becomes the session's
    /// override, and the answer names who facilitates with that override in force.
    /// `next` is nil when the group has no next session.
    public static func facilitator(
        _ target: FacilitatorTarget?, next: (plan: SessionPlan, rotation: RotationFacts)?, names: [String: String], say: Texts
    ) -> ParticipationChange {
        guard let next else {
            return ParticipationChange(reply: say.sessions.facilitatorAnswer(nil, choice: .supervisor, names: [:]))
        }
        var rotation = next.rotation
        var effects: [ParticipationEffect] = []
        let chosen: FacilitatorOverride? = switch target {
        case .user(let userID): .student(userID)
        case .me: .supervisor
        case nil: nil
        }
        if let chosen {
            effects.append(.overrideFacilitator(session: next.plan.number, chosen))
            rotation.override = chosen
        }
        return ParticipationChange(effects: effects,
                                   reply: say.sessions.facilitatorAnswer(next.plan, choice: rotation.choice, names: names))
    }
}
