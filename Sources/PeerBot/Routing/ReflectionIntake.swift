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

    /// The one reflection `text` (already through the patient guard) of `sender`, sent at `sent`:
    /// reads what `ReflectionKeeping` needs, lets it decide, and applies its effects in order.
    /// The caller has made sure `sender` is a student; `ownDeadline`: their deadline when the
    /// caller read it already. The round is read only when the text is a new reflection that
    /// can be kept.
    func keep(_ text: GuardedText, eventID: String, sender: String, ownDeadline: Date?, sent: Date, scope: ReflectionScope,
              round: ReflectionRoundRecord, room: RoomRecord, acknowledge: Bool) throws -> Outcome {
        let alreadyKept = try writer.reflections.find(eventID: eventID) != nil
        let submission = ReflectionKeeping.Submission(text: text, scope: scope, sent: sent, fromStudent: true, alreadyKept: alreadyKept)
        let refusals = Texts(context.language(of: room))
        var supervisorRoomID: String?
        let decision: ReflectionKeeping
        if let screened = ReflectionKeeping.screen(submission, refusals: refusals) {
            decision = screened
        } else {
            let facts = try facts(round, sender, sent: sent, ownDeadline: ownDeadline)
            supervisorRoomID = facts.supervisorRoomID
            decision = ReflectionKeeping.decide(submission, round: facts.round, acknowledge: acknowledge,
                                                redactsMasked: context.config.patientGuard == .redact, refusals: refusals)
        }
        switch decision.outcome {
        case .ignored: return .ignored
        case .refused(let answer): return .refused(answer)
        case .kept: break
        }
        guard let enqueued = try apply(decision.effects, eventID: eventID, sender: sender, round: round, room: room,
                                       supervisorRoomID: supervisorRoomID) else { return .ignored }
        return .kept(enqueued: enqueued)
    }

    /// Carries out a keeping's effects in order; returns how many messages were queued, nil
    /// when the event's reflection turned out to be kept already. `supervisorRoomID`: the room
    /// the late note's facts were read for (`Facts`).
    func apply(_ effects: [ReflectionKeepingEffect], eventID: String, sender: String, round: ReflectionRoundRecord,
               room: RoomRecord, supervisorRoomID: String?) throws -> Int? {
        var enqueued = 0
        for effect in effects {
            switch effect {
            case .keep(let scope, let text, let masked, let late):
                guard try writer.reflections.add(sessionNumber: round.sessionNumber, userID: sender, scope: scope, text: text,
                                                 eventID: eventID, roomID: room.roomID, at: context.now, late: late,
                                                 masked: masked) != nil else { return nil }
                logger.info("reflection kept", metadata: ["session": "\(round.sessionNumber)", "scope": "\(scope.rawValue)", "late": "\(late)"])
            case .acknowledge:
                let reaction: JSONValue = ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(eventID), "key": "✅"]]
                try writer.outbox.enqueue(.send(roomID: room.roomID, eventType: "m.reaction", contentJSON: reaction.jsonString()))
                enqueued += 1
            case .noteToSupervisors(let note):
                guard let supervisorRoomID else { continue }
                try writer.enqueue(note, to: supervisorRoomID, mentions: context.config.supervisors)
                enqueued += 1
            }
        }
        return enqueued
    }

    /// Whether `sender` is a student and this event's reflection is kept already.
    func sender(_ sender: String, eventID: String) throws -> (fromStudent: Bool, alreadyKept: Bool) {
        let fromStudent = try writer.roster.isStudent(sender)
        guard fromStudent else { return (false, false) }
        return (true, try writer.reflections.find(eventID: eventID) != nil)
    }

    /// What a caller of `EventRouter.keepReflection` has read already, so it is not read twice
    /// for one event; nil: not read yet.
    struct Known {
        var fromStudent: Bool?
        /// The student's own deadline for the round.
        var ownDeadline: Date?
    }

    /// The round as the decision needs it, and the supervisor room its late note goes to.
    struct Facts {
        let round: ReflectionKeeping.Round
        let supervisorRoomID: String?
    }

    /// The round as the decision needs it for a text sent at `sent`; the late note's facts only
    /// for a late text once the summary is out (`ReflectionKeeping.wantsLateNote`) and there is a
    /// supervisor room to send it to, read once for the facts and the note alike. `ownDeadline`:
    /// the student's deadline when the caller read it already.
    func facts(_ round: ReflectionRoundRecord, _ sender: String, sent: Date, ownDeadline known: Date? = nil) throws -> Facts {
        let deadline = try known ?? ownDeadline(round, sender)
        var note: ReflectionKeeping.LateNote?
        var supervisorRoomID: String?
        if ReflectionKeeping.wantsLateNote(sent: sent, timeline: round.timeline, ownDeadline: deadline, summarized: round.summarizedAt != nil),
           let supervisorRoom = try writer.rooms.supervisor(), let record = try writer.sessions.find(number: round.sessionNumber) {
            note = ReflectionKeeping.LateNote(say: context.config.texts(context.language(of: supervisorRoom)),
                                              name: try writer.roster.find(userID: sender)?.name ?? sender,
                                              plan: try SessionLookup(reader: writer).plan(record))
            supervisorRoomID = supervisorRoom.roomID
        }
        return Facts(round: ReflectionKeeping.Round(timeline: round.timeline, ownDeadline: deadline, lateNote: note),
                     supervisorRoomID: supervisorRoomID)
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
