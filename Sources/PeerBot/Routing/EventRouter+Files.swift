import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A `.csv` file a supervisor posts in the supervisor room is a roster to import. It is
    /// noted here and fetched after the batch commits: no download happens inside a transaction.
    /// An encrypted attachment (`file` instead of `url`) keeps its key sealed until the import.
    mutating func handleFile(_ event: ClientEvent, message: ReceivedMessage, room: RoomRecord) throws {
        guard room.kind == .supervisor, context.config.isSupervisor(event.sender) else { return }
        let attachment = message.attachment
        let name = attachment.filename
        guard RosterFileEvent.isCSV(filename: name, mimetype: attachment.mimetype) else { return }
        let encrypted = attachment.encryptedFile.map(sealedAttachment)
        let uri = encrypted == nil ? attachment.url : attachment.encryptedURL
        guard encrypted != .some(nil),
              let file = RosterFileEvent(mxcURI: uri ?? "", filename: name, size: attachment.size) else {
            outcome.handled += 1
            try enqueue(context.config.texts(context.language(of: room)).groups.rosterUploadFailed(), in: room.roomID, replyTo: event.eventID)
            return
        }
        try writer.roster.addUpload(RosterUploadRecord(eventID: event.eventID, roomID: room.roomID, sender: event.sender, mxcURI: file.mxcURI,
                                                       filename: file.filename, size: file.size, createdAt: context.now, state: .pending,
                                                       fileSecret: encrypted ?? nil))
        outcome.uploads += 1
        outcome.handled += 1
        logger.info("roster file received", metadata: ["room": "\(room.roomID)", "sender": "\(event.sender)", "file": "\(file.filename)",
                                                       "encrypted": "\(encrypted != nil)"])
    }

    /// An encrypted attachment's `file` object, checked and sealed under the pickle key; nil
    /// when it is not one or the bot holds no pickle key to seal it with.
    func sealedAttachment(_ file: ClientJSON) -> String? {
        guard let keyring, let data = try? JSONEncoder().encode(file),
              let parsed = try? JSONDecoder().decode(EncryptedFile.self, from: data), parsed.key.alg == "A256CTR",
              parsed.hashes["sha256"] != nil else { return nil }
        return keyring.pickleKey.seal(Array(data))
    }
}
