import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A plain message that is not a command: a reflection when it answers the prompt's thread
    /// (group); in a student's own direct room, whatever `handleDirectText` finds it is.
    mutating func handlePlainMessage(_ event: ClientEvent, body: String, room: RoomRecord) throws {
        if room.kind == .direct, room.userID == event.sender, try writer.isStudent(event.sender) {
            try handleDirectText(event, body: body, room: room)
            return
        }
        if try handleRating(event, body: body, room: room) { return }
        if room.kind == .group {
            try countContribution(event, room: room)
            guard let root = Self.threadRoot(of: event), let round = try writer.reflectionRound(forPromptEventID: root) else { return }
            try keepAnswering(event, text: body, scope: .group, round: round, room: room)
        }
    }

    /// Keeps a reflection sent as a plain message; a refused one is answered in reply.
    mutating func keepAnswering(_ event: ClientEvent, text: String, scope: PeerBotStore.ReflectionScope,
                                        round: ReflectionRoundRecord, room: RoomRecord) throws {
        if let refusal = try keepReflection(event, text: text, scope: scope, round: round, room: room) {
            outcome.handled += 1
            try enqueue(refusal, in: room.roomID, replyTo: event.eventID, mention: event.sender)
        }
    }

    /// Why a reflection's text cannot be kept (blank, or over the limit), or nil when it can.
    func refusal(ofReflection text: String, language: Language) -> BotMessage? {
        if TextLimits.isBlank(text) { return Texts.emptyReflection(language: language) }
        let length = text.count
        return length > TextKind.reflection.limit ? Texts.textTooLong(.reflection, length: length, language: language) : nil
    }

    /// A direct-room message counts while the round is open, and for one more deadline's length as late.
    /// Judged by when the message was sent, so a message sent in time while the bot was down still counts.
    func acceptsDirectReflections(_ round: ReflectionRoundRecord, from userID: String, sent: Date) throws -> Bool {
        let length = round.deadline.timeIntervalSince(round.promptedAt)
        return sent < (try ownDeadline(round, userID)).addingTimeInterval(length)
    }

    /// The student's reflection deadline: the session's, or a later one `!extend` gave them.
    func ownDeadline(_ round: ReflectionRoundRecord, _ userID: String) throws -> Date {
        try writer.deadline(.reflection(session: round.sessionNumber), userID: userID, common: round.deadline)
    }

    /// Stores one reflection, after the patient guard (unless `already` guarded it), and
    /// acknowledges it with a ✅ on the student's message unless that message is being redacted.
    /// Returns the answer when the text is refused; nothing is stored then.
    @discardableResult
    mutating func keepReflection(_ event: ClientEvent, text: String, scope: PeerBotStore.ReflectionScope,
                                 round: ReflectionRoundRecord, room: RoomRecord, acknowledge: Bool = true,
                                 guarded already: GuardedText? = nil) throws -> BotMessage? {
        guard try writer.isStudent(event.sender) else { return nil }
        // The guard goes first, so an identifier is redacted even in a text refused as too long.
        let kept = try already ?? guarded(text, event: event, room: room)
        if let refusal = refusal(ofReflection: kept.text, language: context.language(of: room)) { return refusal }
        let late = context.eventTime(event) > (try ownDeadline(round, event.sender))
        guard try writer.addReflection(sessionNumber: round.sessionNumber, userID: event.sender, scope: scope, text: kept.text,
                                       eventID: event.eventID, roomID: room.roomID, at: context.now, late: late,
                                       masked: kept.isMasked) != nil else { return nil }
        outcome.handled += 1
        logger.info("reflection kept", metadata: ["session": "\(round.sessionNumber)", "scope": "\(scope.rawValue)", "late": "\(late)"])
        if acknowledge && !(kept.isMasked && context.config.patientGuard == .redact) {
            let reaction: JSONValue = ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(event.eventID), "key": "✅"]]
            try writer.enqueue(.send(roomID: room.roomID, eventType: "m.reaction", contentJSON: reaction.jsonString()))
            outcome.enqueued += 1
        }
        if late, round.summarizedAt != nil, let supervisorRoom = try writer.supervisorRoom(),
           let record = try writer.session(number: round.sessionNumber) {
            let name = try writer.student(userID: event.sender)?.name ?? event.sender
            let note = Texts.lateReflectionNote(name: name, plan: try SessionLookup(reader: writer).plan(record),
                                                language: context.language(of: supervisorRoom))
            try enqueue(note, in: supervisorRoom.roomID, mentions: context.config.supervisors)
        }
        return nil
    }

    /// An edit (`m.replace`) of a kept reflection replaces its text, after the patient guard;
    /// other student texts' edits are only guarded.
    mutating func handleEdit(_ event: ClientEvent, room: RoomRecord) throws {
        guard let original = event.content["m.relates_to"]?["event_id"]?.stringValue,
              let text = (event.content["m.new_content"]?["body"] ?? event.content["body"])?.stringValue else { return }
        guard let kept = try writer.reflection(eventID: original), kept.userID == event.sender else {
            try guardEdit(event, text: text, room: room)
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if TextLimits.isBlank(trimmed) {
            try writer.removeReflection(eventID: original)
        } else if trimmed.count > TextKind.reflection.limit {
            // The kept text stays as it was; the person is told why the edit did not take.
            let notice = Texts.textTooLong(.reflection, length: trimmed.count, language: context.config.language)
            try enqueue(notice, in: kept.roomID, replyTo: event.eventID, mention: event.sender)
        } else {
            let result = try guarded(trimmed, event: event, room: room)
            try writer.editReflection(eventID: original, text: result.text, at: context.now, masked: result.isMasked)
        }
        outcome.handled += 1
    }

    /// Messages (commands too) from members while a session runs: counted, never stored.
    mutating func countContribution(_ event: ClientEvent, room: RoomRecord) throws {
        let group: StudyGroupRecord?
        if let known = groupByRoom[room.roomID] {
            group = known
        } else {
            group = try writer.group(forRoom: room.roomID)
            groupByRoom[room.roomID] = group
        }
        guard let group else { return }
        let sessions: [SessionRecord]
        if let known = sessionsByGroup[group.id] {
            sessions = known
        } else {
            sessions = try writer.sessions(ofGroup: group.id).filter { $0.cancelledAt == nil }
            sessionsByGroup[group.id] = sessions
        }
        let sent = event.sentAt
        guard let session = sessions.first(where: { $0.startsAt <= sent && sent < $0.endsAt }) else { return }
        try writer.countMessage(session: session.number, userID: event.sender)
    }

    static func threadRoot(of event: ClientEvent) -> String? {
        guard event.content["m.relates_to"]?["rel_type"]?.stringValue == "m.thread" else { return nil }
        return event.content["m.relates_to"]?["event_id"]?.stringValue
    }
}

extension EventRouter {
    /// `!reflect <text>`: a group reflection in the group room, a private one elsewhere.
    mutating func reflect(_ text: String, event: ClientEvent, request: CommandRequest, guarded: GuardedText? = nil) throws -> BotMessage {
        guard let group = try writer.activeGroup(ofStudent: event.sender),
              let round = try writer.latestReflectionRound(ofGroup: group.id),
              let record = try writer.session(number: round.sessionNumber) else {
            return Texts.noOpenReflection(language: request.language, prefix: request.prefix)
        }
        // Private only where only the student and the bot read it; shared only in their own group's room.
        let scope: PeerBotStore.ReflectionScope
        if request.room.kind == .group, try writer.group(forRoom: request.room.roomID)?.id == group.id {
            scope = .group
        } else if request.room.kind == .direct, request.room.userID == event.sender {
            scope = .private
        } else {
            return Texts.reflectNotHere(language: request.language)
        }
        if let refusal = try keepReflection(event, text: text, scope: scope, round: round, room: request.room, acknowledge: false,
                                            guarded: guarded) {
            return refusal
        }
        return Texts.reflectionAck(plan: try SessionLookup(reader: writer).plan(record),
                                   scope: scope == .group ? .group : .private,
                                   late: context.eventTime(event) > (try ownDeadline(round, event.sender)), language: request.language)
    }
}
