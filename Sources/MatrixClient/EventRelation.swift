/// What an event's `m.relates_to` says: the event it answers, annotates, edits or threads under.
///
/// Read from untrusted content: a relation that lacks what its type needs (an edit without a
/// string `event_id`, an annotation without a `key`) is `.other` with its `rel_type`, so it is
/// never taken for a different kind of relation.
public enum EventRelation: Sendable, Equatable {
    /// A Matrix reply (`m.in_reply_to`) outside a thread.
    case reply(to: String)
    /// A message in the thread under `root` (`rel_type: m.thread`); `replyTo` is the event its
    /// `m.in_reply_to` names (the thread's latest event as fallback, or the one it answers).
    case thread(root: String, replyTo: String?)
    /// A reaction (`rel_type: m.annotation`) with its key, such as "✅".
    case annotation(target: String, key: String)
    /// An edit (`rel_type: m.replace`) of `target`.
    case replace(target: String)
    /// Any other or incomplete relation: `relType` as sent (nil when missing or not text), and
    /// the event an `m.in_reply_to` beside it names.
    case other(relType: String?, replyTo: String?)

    /// `rel_type` values the bot acts on.
    public static let annotationType = "m.annotation"
    public static let replaceType = "m.replace"
    public static let threadType = "m.thread"

    /// Reads an `m.relates_to` value; nil when it is not a JSON object.
    public init?(_ value: JSONValue?) {
        guard let object = value?.objectValue else { return nil }
        let relType = object["rel_type"]?.stringValue
        let target = object["event_id"]?.stringValue
        let replyTo = object["m.in_reply_to"]?["event_id"]?.stringValue
        switch (relType, target) {
        case (Self.annotationType?, let target?):
            guard let key = object["key"]?.stringValue else { self = .other(relType: relType, replyTo: replyTo); return }
            self = .annotation(target: target, key: key)
        case (Self.replaceType?, let target?): self = .replace(target: target)
        case (Self.threadType?, let root?): self = .thread(root: root, replyTo: replyTo)
        case (nil, _):
            if let replyTo { self = .reply(to: replyTo) } else { self = .other(relType: nil, replyTo: nil) }
        default: self = .other(relType: relType, replyTo: replyTo)
        }
    }

    /// The event this one answers as a Matrix reply (`m.in_reply_to`), in or out of a thread.
    public var replyTarget: String? {
        switch self {
        case .reply(let target): return target
        case .thread(_, let replyTo), .other(_, let replyTo): return replyTo
        case .annotation, .replace: return nil
        }
    }

    /// True for an edit, also one whose target is unusable: such an edit is ignored, never
    /// read as a new message.
    public var isEdit: Bool {
        switch self {
        case .replace: return true
        case .other(let relType, _): return relType == Self.replaceType
        default: return false
        }
    }

    /// The root of the thread the event is in.
    public var threadRoot: String? {
        if case .thread(let root, _) = self { return root }
        return nil
    }
}
