/// A feature's texts: the same language and command prefix as the `Texts` they are reached from
/// (`say.sessions.sessionPlanned(…)`), so each feature's texts stay a small type of their own.
protocol FeatureTexts: Sendable {
    /// The texts this view is bound to; what every feature shares is asked of them.
    var texts: Texts { get }
}

extension FeatureTexts {
    /// The language every text of this view is in.
    var language: Language { texts.language }
    /// The command prefix the texts show in the commands they name.
    var prefix: String { texts.prefix }

    // The few shared texts nearly every feature uses, so a feature's text reads as before.
    func pick(da: String, en: String) -> String { texts.pick(da: da, en: en) }
    func quoted(_ text: String) -> String { texts.quoted(text) }
    func call(_ name: CommandName, _ arguments: String = "") -> String { texts.call(name, arguments) }
    func groupLabel(_ group: String) -> String { texts.groupLabel(group) }
}

extension Texts {
    /// What the bot says about sessions: planning, goals, prompts, the facilitator and questions.
    public var sessions: SessionTexts { SessionTexts(texts: self) }
    /// What the bot says about tasks: added, done, listed, refused.
    public var tasks: TaskTexts { TaskTexts(texts: self) }
    /// What the bot says about peer assessment: criteria, rounds, requests, ratings, results and release.
    public var assessment: AssessmentTexts { AssessmentTexts(texts: self) }
    /// What the bot says about reflections: prompts, acknowledgements, reminders and nudges.
    public var reflections: ReflectionTexts { ReflectionTexts(texts: self) }
    /// What the bot says about study groups: proposals, creation, welcomes, moves and their errors.
    public var groups: GroupTexts { GroupTexts(texts: self) }
    /// What the bot says about the roster: students added and removed, and imported files.
    public var roster: RosterTexts { RosterTexts(texts: self) }
    /// What the bot says in a session's summary and about exports.
    public var summary: SummaryTexts { SummaryTexts(texts: self) }
    /// What the bot says about private replies, lost rooms, removed outsiders and a person's own data.
    public var privacy: PrivacyTexts { PrivacyTexts(texts: self) }
    /// What the bot says about its own sending: failed deliveries and the progress of bulk sends.
    public var delivery: DeliveryTexts { DeliveryTexts(texts: self) }
    /// What the bot says when the patient guard finds an identifier in a text.
    public var patientGuard: GuardTexts { GuardTexts(texts: self) }
    /// What the bot says about extended deadlines and the users they are given to.
    public var extensions: ExtensionTexts { ExtensionTexts(texts: self) }
    /// What the bot says when supervisors and students send each other feedback.
    public var feedback: FeedbackTexts { FeedbackTexts(texts: self) }
    /// What the bot says in the course overview.
    public var overview: OverviewTexts { OverviewTexts(texts: self) }
}

/// What the bot says about sessions: planning, goals, prompts, the facilitator and questions.
public struct SessionTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about tasks: added, done, listed, refused.
public struct TaskTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about peer assessment: criteria, rounds, requests, ratings, results and release.
public struct AssessmentTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about reflections: prompts, acknowledgements, reminders and nudges.
public struct ReflectionTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about study groups: proposals, creation, welcomes, moves and their errors.
public struct GroupTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about the roster: students added and removed, and imported files.
public struct RosterTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says in a session's summary and about exports.
public struct SummaryTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about private replies, lost rooms, removed outsiders and a person's own data.
public struct PrivacyTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about its own sending: failed deliveries and the progress of bulk sends.
public struct DeliveryTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says when the patient guard finds an identifier in a text.
public struct GuardTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says about extended deadlines and the users they are given to.
public struct ExtensionTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says when supervisors and students send each other feedback.
public struct FeedbackTexts: FeatureTexts {
    let texts: Texts
}

/// What the bot says in the course overview.
public struct OverviewTexts: FeatureTexts {
    let texts: Texts
}
