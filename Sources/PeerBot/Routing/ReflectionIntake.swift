import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning

/// Keeps one reflection, however it came (a thread reply, a direct-room message or `!reflect`):
/// refused when blank or too long, marked late after the student's own deadline, acknowledged
/// with a ✅ when asked, and a late one after the summary noted to the supervisors.
struct ReflectionIntake {
    let context: BatchContext
    let writer: StoreWriter
    let logger: Logger

    /// What became of the text.
    enum Outcome {
        /// Not from a student, or already kept (a replayed event): nothing happened.
        case ignored
        /// Kept; `enqueued` messages went out with it.
        case kept(enqueued: Int)
        /// Not kept: the answer to give.
        case refused(BotMessage)
    }

    /// The one reflection `text` (already through the patient guard) of `sender`, sent at `sent`.
    func keep(_ text: GuardedText, eventID: String, sender: String, sent: Date, scope: ReflectionScope,
              round: ReflectionRoundRecord, room: RoomRecord, acknowledge: Bool) throws -> Outcome {
        guard try writer.roster.isStudent(sender) else { return .ignored }
        if let refusal = Self.refusal(ofReflection: text.text, language: context.language(of: room)) { return .refused(refusal) }
        let late = round.timeline.isLate(sent: sent, ownDeadline: try ownDeadline(round, sender))
        guard try writer.reflections.add(sessionNumber: round.sessionNumber, userID: sender, scope: scope, text: text.text,
                                         eventID: eventID, roomID: room.roomID, at: context.now, late: late,
                                         masked: text.isMasked) != nil else { return .ignored }
        logger.info("reflection kept", metadata: ["session": "\(round.sessionNumber)", "scope": "\(scope.rawValue)", "late": "\(late)"])
        var enqueued = 0
        if acknowledge && !(text.isMasked && context.config.patientGuard == .redact) {
            let reaction: JSONValue = ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(eventID), "key": "✅"]]
            try writer.outbox.enqueue(.send(roomID: room.roomID, eventType: "m.reaction", contentJSON: reaction.jsonString()))
            enqueued += 1
        }
        if late, round.summarizedAt != nil, let supervisorRoom = try writer.rooms.supervisor(),
           let record = try writer.sessions.find(number: round.sessionNumber) {
            let name = try writer.roster.find(userID: sender)?.name ?? sender
            let note = context.config.texts(context.language(of: supervisorRoom)).reflections.lateReflectionNote(name: name, plan: try SessionLookup(reader: writer).plan(record))
            try writer.enqueue(note, to: supervisorRoom.roomID, mentions: context.config.supervisors)
            enqueued += 1
        }
        return .kept(enqueued: enqueued)
    }

    /// Why a reflection's text cannot be kept (blank, or over the limit), or nil when it can.
    static func refusal(ofReflection text: String, language: Language) -> BotMessage? {
        if TextLimits.isBlank(text) { return Texts(language).emptyReflection() }
        let length = text.count
        return length > TextKind.reflection.limit ? Texts(language).textTooLong(.reflection, length: length) : nil
    }

    /// The student's reflection deadline: the session's, or a later one `!extend` gave them.
    func ownDeadline(_ round: ReflectionRoundRecord, _ userID: String) throws -> Date {
        try writer.deadlines.deadline(.reflection(session: round.sessionNumber), userID: userID, common: round.deadline)
    }
}

extension ReflectionRoundRecord {
    /// The round's rules in time.
    var timeline: ReflectionTimeline { ReflectionTimeline(promptedAt: promptedAt, deadline: deadline) }
}
