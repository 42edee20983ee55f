import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension CommandHandlers {
    /// The privacy family's commands, each to its handler.
    func run(_ command: PrivacyCommand, _ request: CommandRequest) throws -> BotMessage {
        switch command {
        case .mydata: try refusable { try myData(request) }
        }
    }

    /// Everything stored about the caller, as a JSON file in their direct room.
    func myData(_ request: CommandRequest) throws -> BotMessage {
        let document = try MyDataBuilder(reader: writer).document(for: request.sender, now: context.now)
        let room = try DirectRooms(writer: writer, config: context.config).room(for: request.sender)
        let file = OutgoingFile(filename: document.fileName, mimetype: "application/json", bytes: try document.json(),
                                message: request.say.privacy.myDataReady())
        try writer.outbox.enqueue(.sendFile(roomID: room, fileJSON: file.json))
        return request.say.privacy.myDataSentToDirectRoom()
    }
}
