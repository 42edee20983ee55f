import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A plain message that is not a command: a reflection when it answers the prompt's thread
    /// (group) or comes from a student in their direct room while a reflection is open (private).
    mutating func handlePlainMessage(_ event: ClientEvent, body: String, room: RoomRecord) throws {
        if try handleRating(event, body: body, room: room) { return }
        if room.kind == .group {
            try countContribution(event, room: room)
            guard let root = Self.threadRoot(of: event), let round = try writer.reflectionRound(forPromptEventID: root) else { return }
            try keepAnswering(event, text: body, scope: .group, round: round, room: room)
        } else if room.kind == .direct, room.userID == event.sender,
                  let group = try writer.activeGroup(ofStudent: event.sender),
                  let round = try writer.latestReflectionRound(ofGroup: group.id), acceptsDirectReflections(round, sent: context.eventTime(event)) {
            try keepAnswering(event, text: body, scope: .private, round: round, room: room)
        }
    }

    /// Keeps a reflection sent as a plain message; a refused one is answered in reply.
    private mutating func keepAnswering(_ event: ClientEvent, text: String, scope: PeerBotStore.ReflectionScope,
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
    private func acceptsDirectReflections(_ round: ReflectionRoundRecord, sent: Date) -> Bool {
        let length = round.deadline.timeIntervalSince(round.promptedAt)
        return sent < round.deadline.addingTimeInterval(length)
    }

    /// Stores one reflection and acknowledges it with a ✅ on the student's message.
    /// Returns the answer when the text is refused; nothing is stored then.
    @discardableResult
    mutating func keepReflection(_ event: ClientEvent, text: String, scope: PeerBotStore.ReflectionScope,
                                 round: ReflectionRoundRecord, room: RoomRecord, acknowledge: Bool = true) throws -> BotMessage? {
        guard try writer.isStudent(event.sender) else { return nil }
        if let refusal = refusal(ofReflection: text, language: context.language(of: room)) { return refusal }
        let late = context.eventTime(event) > round.deadline
        guard try writer.addReflection(sessionNumber: round.sessionNumber, userID: event.sender, scope: scope, text: text,
                                       eventID: event.eventID, roomID: room.roomID, at: context.now, late: late) != nil else { return nil }
        outcome.handled += 1
        logger.info("reflection kept", metadata: ["session": "\(round.sessionNumber)", "scope": "\(scope.rawValue)", "late": "\(late)"])
        if acknowledge {
            let reaction: JSONValue = ["m.relates_to": ["rel_type": "m.annotation", "event_id": .string(event.eventID), "key": "✅"]]
            try writer.enqueue(.send(roomID: room.roomID, eventType: "m.reaction", contentJSON: reaction.jsonString()))
            outcome.enqueued += 1
        }
        if late, round.summarizedAt != nil, let supervisorRoom = try writer.supervisorRoom(),
           let record = try writer.session(number: round.sessionNumber) {
            let name = try writer.student(userID: event.sender)?.name ?? event.sender
            let note = Texts.lateReflectionNote(name: name, plan: try SessionLookup(reader: writer).plan(record),
                                                language: context.language(of: supervisorRoom))
            try enqueue(note, in: supervisorRoom.roomID)
        }
        return nil
    }

    /// An edit (`m.replace`) of a kept reflection replaces its text.
    mutating func handleEdit(_ event: ClientEvent) throws {
        guard let original = event.content["m.relates_to"]?["event_id"]?.stringValue,
              let text = (event.content["m.new_content"]?["body"] ?? event.content["body"])?.stringValue,
              let kept = try writer.reflection(eventID: original), kept.userID == event.sender else { return }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if TextLimits.isBlank(trimmed) {
            try writer.removeReflection(eventID: original)
        } else if trimmed.count > TextKind.reflection.limit {
            // The kept text stays as it was; the person is told why the edit did not take.
            let notice = Texts.textTooLong(.reflection, length: trimmed.count, language: context.config.language)
            try enqueue(notice, in: kept.roomID, replyTo: event.eventID, mention: event.sender)
        } else {
            try writer.editReflection(eventID: original, text: trimmed, at: context.now)
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
    mutating func reflect(_ text: String, event: ClientEvent, request: CommandRequest) throws -> BotMessage {
        guard let group = try writer.activeGroup(ofStudent: event.sender),
              let round = try writer.latestReflectionRound(ofGroup: group.id),
              let record = try writer.session(number: round.sessionNumber) else {
            return Texts.noOpenReflection(language: request.language, prefix: request.prefix)
        }
        let scope: PeerBotStore.ReflectionScope = request.room.kind == .group ? .group : .private
        if let refusal = try keepReflection(event, text: text, scope: scope, round: round, room: request.room, acknowledge: false) {
            return refusal
        }
        return Texts.reflectionAck(plan: try SessionLookup(reader: writer).plan(record),
                                   scope: scope == .group ? .group : .private,
                                   late: context.eventTime(event) > round.deadline, language: request.language)
    }
}
