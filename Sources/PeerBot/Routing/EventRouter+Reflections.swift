import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A plain message that is not a command: a reflection when it answers the prompt's thread
    /// (group); in a student's own direct room, whatever `handleDirectText` finds it is.
    mutating func handlePlainMessage(_ event: ClientEvent, body: String, room: RoomRecord) throws {
        if room.kind == .direct, room.userID == event.sender, try writer.roster.isStudent(event.sender) {
            try handleDirectText(event, body: body, room: room)
            return
        }
        if try handleRating(event, body: body, room: room) { return }
        if room.kind == .group {
            try countContribution(event, room: room)
            guard let root = Self.threadRoot(of: event), let round = try writer.reflections.round(forPromptEventID: root) else { return }
            try keepAnswering(event, text: body, scope: .group, round: round, room: room)
        }
    }

    /// Keeps a reflection sent as a plain message; a refused one is answered in reply.
    /// `known`: what the caller has read already.
    mutating func keepAnswering(_ event: ClientEvent, text: String, scope: ReflectionScope,
                                round: ReflectionRoundRecord, room: RoomRecord, known: ReflectionIntake.Known = .init()) throws {
        if let refusal = try keepReflection(event, text: text, scope: scope, round: round, room: room, known: known) {
            outcome.handled += 1
            try enqueue(refusal, in: room.roomID, replyTo: event.eventID, mention: event.sender)
        }
    }

    var intake: ReflectionIntake { ReflectionIntake(context: context, writer: writer, logger: logger) }

    /// Stores one reflection, after the patient guard, and acknowledges it with a ✅ on the
    /// student's message unless that message is being redacted. Returns the answer when the
    /// text is refused; nothing is stored then. `known`: what the caller read, the rest read here.
    @discardableResult
    mutating func keepReflection(_ event: ClientEvent, text: String, scope: ReflectionScope,
                                 round: ReflectionRoundRecord, room: RoomRecord, known: ReflectionIntake.Known = .init()) throws -> BotMessage? {
        guard try known.fromStudent ?? writer.roster.isStudent(event.sender) else { return nil }
        // The guard goes first, so an identifier is redacted even in a text refused as too long.
        let kept = try guarded(text, event: event, room: room)
        switch try intake.keep(kept, eventID: event.eventID, sender: event.sender, ownDeadline: known.ownDeadline, sent: context.eventTime(event),
                               scope: scope, round: round, room: room, acknowledge: true) {
        case .ignored:
            return nil
        case .kept(let enqueued):
            outcome.handled += 1
            outcome.enqueued += enqueued
            return nil
        case .refused(let answer):
            return answer
        }
    }

    /// An edit (`m.replace`) of a kept reflection replaces its text, after the patient guard
    /// (`ReflectionEdit` decides); other student texts' edits are only guarded.
    mutating func handleEdit(_ event: ClientEvent, message: ReceivedMessage, room: RoomRecord) throws {
        guard case .replace(let original) = message.relation, let text = message.editedBody else { return }
        guard let kept = try writer.reflections.find(eventID: original), kept.userID == event.sender else {
            try guardEdit(event, text: text, room: room)
            return
        }
        let guarded = try ReflectionEdit.textToGuard(text).map { try self.guarded($0, event: event, room: room) }
        switch ReflectionEdit.decide(text, guarded: guarded, say: context.config.texts(context.config.language)) {
        case .remove:
            try writer.reflections.remove(eventID: original)
        case .refuse(let notice):
            try enqueue(notice, in: kept.roomID, replyTo: event.eventID, mention: event.sender)
        case .replace(let text, let masked):
            try writer.reflections.edit(eventID: original, text: text, at: context.now, masked: masked)
        }
        outcome.handled += 1
    }

    /// Messages (commands too) from members while a session runs: counted, never stored.
    mutating func countContribution(_ event: ClientEvent, room: RoomRecord) throws {
        let group: StudyGroupRecord?
        if let known = groupByRoom[room.roomID] {
            group = known
        } else {
            group = try writer.groups.find(forRoom: room.roomID)
            groupByRoom[room.roomID] = group
        }
        guard let group else { return }
        let sessions: [SessionRecord]
        if let known = sessionsByGroup[group.id] {
            sessions = known
        } else {
            sessions = try writer.sessions.all(ofGroup: group.id).filter { $0.cancelledAt == nil }
            sessionsByGroup[group.id] = sessions
        }
        let sent = event.sentAt
        guard let session = sessions.first(where: { $0.startsAt <= sent && sent < $0.endsAt }) else { return }
        try writer.participation.countMessage(session: session.number, userID: event.sender)
    }

    static func threadRoot(of event: ClientEvent) -> String? {
        event.relation?.threadRoot
    }
}
