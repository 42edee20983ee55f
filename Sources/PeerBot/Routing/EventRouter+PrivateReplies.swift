import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A command whose answer is private (summary, roster, export) asked outside the supervisor
    /// room: the answer goes to the supervisor room, in its language, and the room where it was
    /// asked only hears where it went. Nil when the command may be answered here.
    mutating func answerPrivately(_ command: Command, request: CommandRequest) throws -> BotMessage? {
        guard request.room.kind != .supervisor, PrivateReplies.belongInSupervisorRoom(command) else { return nil }
        guard let supervisorRoom = try writer.rooms.supervisor() else {
            return request.say.privacy.noSupervisorRoomForPrivate()
        }
        var there = CommandRequest(room: request.room, sender: request.sender, eventID: request.eventID, role: request.role,
                                   language: context.language(of: supervisorRoom), prefix: request.prefix)
        (there.mentions, there.sentAt, there.guarded) = (request.mentions, request.sentAt, request.guarded)
        let handlers = CommandHandlers(context: context, writer: writer, logger: logger, supervisorRoom: supervisorRoom)
        let answer = try handlers.run(command, there)
        guard PrivateReplies.belongInSupervisorRoom(answer, command: command) else {
            // An error changes nothing, so it is asked again in the language of the room that asked.
            return try handlers.run(command, request)
        }
        try enqueue(answer, in: supervisorRoom.roomID)
        return request.say.privacy.sentToSupervisorRoom(roomID: supervisorRoom.roomID)
    }
}
