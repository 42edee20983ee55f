import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A `.csv` file a supervisor posts in the supervisor room is a roster to import. It is
    /// noted here and fetched after the batch commits: no download happens inside a transaction.
    mutating func handleFile(_ event: ClientEvent, room: RoomRecord) throws {
        guard room.kind == .supervisor, context.config.isSupervisor(event.sender) else { return }
        let name = event.content["filename"]?.stringValue ?? event.content["body"]?.stringValue
        guard RosterFileEvent.isCSV(filename: name, mimetype: event.content["info"]?["mimetype"]?.stringValue) else { return }
        guard let file = RosterFileEvent(mxcURI: event.content["url"]?.stringValue ?? "", filename: name,
                                    size: event.content["info"]?["size"]?.intValue) else {
            outcome.handled += 1
            try enqueue(Texts.rosterUploadFailed(language: context.language(of: room)), in: room.roomID, replyTo: event.eventID)
            return
        }
        try writer.addRosterUpload(RosterUploadRecord(eventID: event.eventID, roomID: room.roomID, sender: event.sender, mxcURI: file.mxcURI,
                                                      filename: file.filename, size: file.size, createdAt: context.now, state: .pending))
        outcome.uploads += 1
        outcome.handled += 1
        logger.info("roster file received", metadata: ["room": "\(room.roomID)", "sender": "\(event.sender)", "file": "\(file.filename)"])
    }
}
