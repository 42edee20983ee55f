import Foundation

extension RoomEvent {
    /// `content["peerbot.session"]`: the session number the message concerns.
    var peerbotSession: Int? { content["peerbot.session"]?.int }
    /// `content["peerbot.group"]`: the group name the message concerns.
    var peerbotGroup: String? { content["peerbot.group"]?.string }
    /// An edit (`m.replace`) of an earlier message rather than a message of its own.
    var isEdit: Bool { content["m.relates_to"]?["rel_type"]?.string == "m.replace" }
    /// The event an edit replaces.
    var replaces: String? { isEdit ? content["m.relates_to"]?["event_id"]?.string : nil }
    /// The text an edit puts in place of the original's.
    var newBody: String? { content["m.new_content"]?["body"]?.string }
    /// `m.mentions.user_ids`.
    var mentionedUsers: [String] { content["m.mentions"]?["user_ids"]?.array?.compactMap(\.string) ?? [] }
}
