/// Something the bot means to do on the homeserver, written down before it is done.
public enum OutboxAction: Codable, Sendable, Equatable {
    /// `PUT /rooms/{roomID}/send/{eventType}/{txnID}` with `contentJSON` as the body.
    case send(roomID: String, eventType: String, contentJSON: String)
    /// `PUT /rooms/{roomID}/state/{eventType}/{stateKey}`; the state key may be empty.
    case state(roomID: String, eventType: String, stateKey: String, contentJSON: String)
    /// `PUT /rooms/{roomID}/redact/{eventID}/{txnID}`.
    case redact(roomID: String, eventID: String, reason: String?)
    /// `POST /join/{roomID}`: accept an invite.
    case join(roomID: String)
    /// `POST /rooms/{roomID}/leave`: decline an invite or leave.
    case leave(roomID: String)
    /// `POST /rooms/{roomID}/invite`.
    case invite(roomID: String, userID: String)
    /// `POST /rooms/{roomID}/kick`: remove someone from a room (a student moved to another group).
    case kick(roomID: String, userID: String, reason: String?)
    /// Uploads a file (`POST /media/v3/upload`) and posts it as an `m.file` message;
    /// `fileJSON` holds `filename`, `mimetype`, `data` (base64) and `content` (extra message fields).
    case sendFile(roomID: String, fileJSON: String)
    /// `POST /createRoom` with `requestJSON`; the new room answers to `ref` (`ref:group:3`), so
    /// later actions may name the room before it exists.
    case createRoom(ref: String, requestJSON: String)

    /// A room reference for a room the bot will create: `ref:` and a name of the caller's choosing.
    public static func roomRef(_ name: String) -> String { "ref:" + name }

    /// Stands, inside later content, for the event id the homeserver gives outbox row `id`
    /// (an edit of a message, a pin) — known only once that row is sent.
    public static func eventRef(_ id: Int64) -> String { "$outbox:\(id)" }

    /// The room the action happens in.
    public var roomID: String {
        switch self {
        case .send(let roomID, _, _), .state(let roomID, _, _, _), .redact(let roomID, _, _),
             .join(let roomID), .leave(let roomID), .invite(let roomID, _), .kick(let roomID, _, _), .sendFile(let roomID, _), .createRoom(let roomID, _):
            roomID
        }
    }
}
