/// One step of `!criteria`, in the order the runtime applies it in the batch's transaction.
public enum CriteriaPostingEffect: Sendable, Equatable {
    /// Keep the criteria for the deployment (goals messages and feedback show them).
    case store(String)
    /// Post `message` to the group's room, then pin that very message there.
    case postAndPin(groupID: Int64, BotMessage)
}

/// The decision for `!criteria <text>`: stored once, posted and pinned in every active group's room.
public struct CriteriaPosting: Sendable, Equatable {
    public var effects: [CriteriaPostingEffect]
    public var reply: BotMessage

    /// An active group, with texts in its room's language.
    public typealias Group = GroupVoice

    public init(effects: [CriteriaPostingEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    public static func decide(_ text: String, groups: [Group], say: Texts) -> CriteriaPosting {
        let posts = groups.map { CriteriaPostingEffect.postAndPin(groupID: $0.id, $0.say.assessment.criteriaAnnouncement(text: text, group: $0.name)) }
        return CriteriaPosting(effects: [.store(text)] + posts, reply: say.assessment.criteriaPosted(text: text))
    }
}
