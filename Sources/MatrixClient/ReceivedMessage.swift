/// The content of an `m.room.message`, read field by field from untrusted JSON: a field of the
/// wrong type reads as missing, never as another field's value.
public struct ReceivedMessage: Sendable, Equatable {
    /// `msgtype`; the bot acts on text and files.
    public enum MessageType: Sendable, Equatable {
        case text, notice, emote, file, image, audio, video
        case other(String)

        init(_ raw: String) {
            switch raw {
            case "m.text": self = .text
            case "m.notice": self = .notice
            case "m.emote": self = .emote
            case "m.file": self = .file
            case "m.image": self = .image
            case "m.audio": self = .audio
            case "m.video": self = .video
            default: self = .other(raw)
            }
        }
    }

    /// The uploaded file an `m.file` message carries.
    public struct Attachment: Sendable, Equatable {
        /// `filename`, else `body` (older clients put the name there).
        public let filename: String?
        /// `info.mimetype`.
        public let mimetype: String?
        /// `info.size` in bytes, as the sender claims it.
        public let size: Int64?
        /// `url`: the plain upload's `mxc://` URI.
        public let url: String?
        /// `file`: the encrypted attachment's object (key, iv, hashes, url), as sent.
        public let encryptedFile: JSONValue?
        /// `file.url`: the encrypted upload's `mxc://` URI.
        public let encryptedURL: String?
    }

    public let msgtype: MessageType?
    public let body: String?
    /// What an edit says the message now reads: `m.new_content.body` when the edit has one
    /// (nil when that is not text), else the edit's own `body`.
    public let editedBody: String?
    /// `m.mentions.user_ids`, the entries that are text.
    public let mentionedUserIDs: [String]
    /// True when the message carries `m.in_reply_to`, whatever its shape: its body may begin
    /// with the quoted fallback of the message it answers.
    public let hasReplyFallback: Bool
    public let relation: EventRelation?
    public let attachment: Attachment

    public init(_ content: JSONValue) {
        let members = Members(content)
        msgtype = members.msgtype?.stringValue.map(MessageType.init)
        body = members.body?.stringValue
        if let newContent = members.newContent, let newBody = newContent["body"] {
            editedBody = newBody.stringValue
        } else {
            editedBody = body
        }
        mentionedUserIDs = members.mentions?["user_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        hasReplyFallback = members.relatesTo?["m.in_reply_to"] != nil
        relation = EventRelation(members.relatesTo)
        let info = members.info
        attachment = Attachment(filename: members.filename?.stringValue ?? body, mimetype: info?["mimetype"]?.stringValue,
                                size: info?["size"]?.intValue, url: members.url?.stringValue,
                                encryptedFile: members.file, encryptedURL: members.file?["url"]?.stringValue)
    }

    /// The members the message is read from, found in one walk over the content: a text
    /// message holds two of the eight, and looking each up would hash every name.
    private struct Members {
        var msgtype, body, newContent, mentions, relatesTo, info, filename, url, file: JSONValue?

        init(_ content: JSONValue) {
            guard case .object(let object) = content else { return }
            for (key, value) in object {
                switch key {
                case "msgtype": msgtype = value
                case "body": body = value
                case "m.new_content": newContent = value
                case "m.mentions": mentions = value
                case "m.relates_to": relatesTo = value
                case "info": info = value
                case "filename": filename = value
                case "url": url = value
                case "file": file = value
                default: continue
                }
            }
        }
    }
}
