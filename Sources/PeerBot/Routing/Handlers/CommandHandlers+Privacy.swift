import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// Everything stored about the caller, as a JSON file in their direct room.
    func myData(_ request: CommandRequest) throws -> BotMessage {
        let document = try MyDataBuilder(reader: writer).document(for: request.sender, now: context.now)
        let room = try DirectRooms(writer: writer, config: context.config).room(for: request.sender)
        let file = OutgoingFile(filename: document.fileName, mimetype: "application/json", bytes: try document.json(),
                                message: Texts.myDataReady(language: request.language))
        try writer.outbox.enqueue(.sendFile(roomID: room, fileJSON: file.json))
        return Texts.myDataSentToDirectRoom(language: request.language)
    }
}
