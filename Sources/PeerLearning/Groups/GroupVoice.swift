/// A group as a decision speaks to it: its id, its name, and texts in its room's language.
public struct GroupVoice: Sendable {
    public var id: Int64
    public var name: String
    public var say: Texts

    public init(id: Int64, name: String, say: Texts) {
        self.id = id
        self.name = name
        self.say = say
    }
}
