import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// A file the bot posts (an export, a student's own data), as the outbox keeps it.
struct OutgoingFile: Codable, Equatable {
    var filename: String
    var mimetype: String
    /// The bytes, base64: outbox rows hold text.
    var data: String
    /// The message's marks and text (`body`, `peerbot.kind`, …); `msgtype`, `url` and `info` are added.
    var content: JSONValue

    init(filename: String, mimetype: String, bytes: Data, message: BotMessage, inReplyTo: String? = nil) {
        self.filename = filename
        self.mimetype = mimetype
        self.data = bytes.base64EncodedString()
        self.content = message.content(inReplyTo: inReplyTo)
    }

    /// The file a decision names, as the outbox row carries it.
    init(_ file: BotFile) {
        self.init(filename: file.filename, mimetype: file.mimetype, bytes: file.bytes, message: file.message)
    }

    var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }
}

extension OutboxSender {
    /// Uploads the bytes, then posts the `m.file` message with the row's transaction id: a retry
    /// may upload again, but never posts the message twice. In an encrypted room the bytes are
    /// encrypted first (the key travels in the `file` object inside the encrypted event), and a
    /// re-send of a ciphertext already fixed uploads nothing.
    func sendFile(roomID: String, file json: JSONValue, item: OutboxItem) async throws -> String {
        guard let file = try? JSONDecoder().decode(OutgoingFile.self, from: Data(json.jsonString().utf8)),
              let bytes = Data(base64Encoded: file.data) else { throw CorruptOutboxItem() }
        let encrypted = try await isEncrypted(roomID)
        let client = self.client
        let event = try await outgoing(roomID: roomID, eventType: "m.room.message", item: item) {
            var content = file.content.objectValue ?? [:]
            content["msgtype"] = "m.file"
            content["filename"] = .string(file.filename)
            content["info"] = ["mimetype": .string(file.mimetype), "size": .int(Int64(bytes.count))]
            content["format"] = nil
            content["formatted_body"] = nil
            if encrypted {
                // The homeserver sees only ciphertext of a neutral type; the real type is in the encrypted `info`.
                let sealed = EncryptedAttachment.seal(bytes)
                let uri = try await client.upload(sealed.ciphertext, contentType: "application/octet-stream", filename: file.filename)
                content["file"] = sealed.file(url: uri)
            } else {
                content["url"] = .string(try await client.upload(bytes, contentType: file.mimetype, filename: file.filename))
            }
            return .object(content)
        }
        return try await client.send(roomID: roomID, eventType: event.eventType, txnID: item.txnID, content: event.content)
    }
}
