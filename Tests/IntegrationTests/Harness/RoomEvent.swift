import Foundation

/// One room event as the test client saw it, with the fields the bot's contract marks.
struct RoomEvent: Sendable, CustomStringConvertible {
    let roomID: String
    let raw: JSON

    var eventID: String { raw["event_id"]?.string ?? "" }
    var type: String { raw["type"]?.string ?? "" }
    var sender: String { raw["sender"]?.string ?? "" }
    var stateKey: String? { raw["state_key"]?.string }
    var content: JSON { raw["content"] ?? .object([:]) }
    var originServerTS: Int { raw["origin_server_ts"]?.int ?? 0 }

    var isMessage: Bool { type == "m.room.message" }
    var body: String { content["body"]?.string ?? "" }
    var msgtype: String? { content["msgtype"]?.string }

    /// `content["peerbot.kind"]`: what kind of message the bot sent.
    var peerbotKind: String? { content["peerbot.kind"]?.string }
    /// `content["peerbot.error"]`: the error code of an error reply.
    var peerbotError: String? { content["peerbot.error"]?.string }
    /// `m.relates_to.m.in_reply_to.event_id`: the event this one replies to.
    var inReplyTo: String? { content["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.string }

    var description: String {
        "\(type) \(eventID) from \(sender): \(content.text.prefix(300))"
    }
}
