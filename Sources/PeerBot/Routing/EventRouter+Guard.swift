import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A student's text as the bot may keep or forward it (SPEC: Patient confidentiality):
    /// identifiers masked in the room's language. With `patient_guard: redact` the message is
    /// redacted where it was posted; the student is told privately what was kept.
    mutating func guarded(_ text: String, event: ClientEvent, room: RoomRecord) throws -> GuardedText {
        let mode = context.config.patientGuard
        guard mode != .off else { return GuardedText(text: text, kinds: []) }
        let result = try rosterNames().patientGuard.check(text, language: context.language(of: room))
        guard result.isMasked else { return result }
        logger.notice("patient identifier masked", metadata: [
            "room": "\(room.roomID)", "event": "\(event.eventID)", "kinds": "\(result.kinds.map(\.rawValue).joined(separator: ","))",
        ])
        let existing = try writer.rooms.direct(userID: event.sender)
        let say = context.config.texts(existing.map(context.language(of:)) ?? context.config.language)
        let response = GuardResponse.decide(result, mode: mode, sender: event.sender, groupText: room.kind != .direct, say: say)
        for effect in response.effects {
            switch effect {
            case .redact(let reason):
                try writer.outbox.enqueue(.redact(roomID: room.roomID, eventID: event.eventID, reason: reason))
            case .tell(let userID, let notice):
                // As `m.text` naming the student, in the direct room read above or one made now.
                let roomID = try existing.map(\.roomID) ?? DirectRooms(writer: writer, config: context.config).room(for: userID)
                try writer.enqueueMessage(try writer.named(notice).content(mention: userID), to: roomID)
            }
            outcome.enqueued += 1
        }
        return result
    }

    /// A body fit for a debug log line: identifiers masked unless the guard is off.
    func loggable(_ body: String) -> String {
        context.config.patientGuard == .off ? body : PatientGuard(patterns: context.config.patientGuardPatterns).check(body, language: .en).text
    }

    /// The command with its student-written text guarded (`Command.studentText`).
    mutating func guardedCommand(_ command: Command, event: ClientEvent, request: CommandRequest) throws -> (Command, GuardedText?) {
        guard request.role == .student, let text = command.studentText else { return (command, nil) }
        let result = try guarded(text, event: event, room: request.room)
        return (command.replacingStudentText(with: result.text), result)
    }
}

extension EventRouter {
    /// A student's edit of something other than a kept reflection: in their direct room (a
    /// rating or a reflection the bot did not keep) or a command carrying their text. Nothing
    /// stored changes, but the edit is redacted too when it adds an identifier.
    mutating func guardEdit(_ event: ClientEvent, text: String, room: RoomRecord) throws {
        guard try writer.roster.isStudent(event.sender) else { return }
        if room.kind == .direct && room.userID == event.sender {
            _ = try guarded(text, event: event, room: room)
            return
        }
        let parse = CommandParser.parse(text, prefix: context.config.commandPrefix, botUserID: context.botUserID, botDisplayName: nil)
        if case .command(let command) = parse, let written = command.studentText {
            _ = try guarded(written, event: event, room: room)
        }
    }
}
