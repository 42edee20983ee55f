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

    /// Everything stored about the caller, as a JSON file in their direct room: reads the
    /// document, lets `MyDataDelivery` decide, then makes the direct room if needed and sends it.
    func myData(_ request: CommandRequest) throws -> BotMessage {
        let document = try MyDataBuilder(reader: writer).document(for: request.sender, now: context.now)
        let decision = MyDataDelivery.decide(document, json: try document.json(), say: request.say)
        for effect in decision.effects {
            switch effect {
            case .sendToDirectRoom(let file):
                let room = try DirectRooms(writer: writer, config: context.config).room(for: request.sender)
                try writer.outbox.enqueue(.sendFile(roomID: room, fileJSON: OutgoingFile(file).json))
            }
        }
        return decision.reply
    }
}
