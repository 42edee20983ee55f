import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A plain message from a student in their own direct room: a rating, a reflection, an
    /// answer to feedback (forwarded to the supervisors, never stored) or nothing to act on.
    mutating func handleDirectText(_ event: ClientEvent, body: String, room: RoomRecord) throws {
        let sent = context.eventTime(event)
        let open = try openDirectReflectionRound(of: event.sender, sent: sent)
        let round = open?.round
        let since = try writer.assessment.lastMessageWasFeedback(inRoom: room.roomID).map { sent.timeIntervalSince($0) }
        let rating = try ratingRound(for: event)
        var facts = DirectTextFacts(ratingOpen: rating != nil, reflectionOpen: round != nil,
                                    repliesToFeedback: try repliesToFeedback(event), sinceFeedback: since)
        if DirectTextKind.classify(facts) == .rating, let rating {
            // The rating handler declines a text that is not for an open round: then it is one of the rest.
            if try takeRating(event, body: body, room: room, round: rating.round, repliedSubject: rating.repliedSubject) { return }
            facts.ratingOpen = false
        }
        switch DirectTextKind.classify(facts) {
        case .reflection:
            // Only a student's own direct room comes here (`handlePlainMessage`).
            if let open {
                try keepAnswering(event, text: body, scope: .private, round: open.round, room: room,
                                  known: .init(fromStudent: true, ownDeadline: open.ownDeadline))
            }
        case .feedbackAnswer:
            try forwardFeedbackAnswer(event, body: body, room: room)
        case .command, .rating, .other:
            return
        }
    }

    /// The round a direct-room message from `userID` sent at `sent` would reflect on, if any,
    /// and the student's own deadline for it, read to decide that.
    private func openDirectReflectionRound(of userID: String, sent: Date) throws -> (round: ReflectionRoundRecord, ownDeadline: Date)? {
        guard let group = try writer.groups.active(ofStudent: userID),
              let round = try writer.reflections.latestRound(ofGroup: group.id) else { return nil }
        let deadline = try intake.ownDeadline(round, userID)
        return round.timeline.acceptsDirect(sent: sent, ownDeadline: deadline) ? (round, deadline) : nil
    }

    /// Whether the event is a Matrix reply (`m.in_reply_to`) to the bot's feedback.
    private func repliesToFeedback(_ event: ClientEvent) throws -> Bool {
        guard let target = event.relation?.replyTarget else { return false }
        return try writer.assessment.isFeedbackEvent(target)
    }

    /// Sends the student's answer, after the patient guard, to the supervisor room naming the
    /// supervisors, and tells the student it went there: `FeedbackAnswerForwarding` decides.
    private mutating func forwardFeedbackAnswer(_ event: ClientEvent, body: String, room: RoomRecord) throws {
        guard let text = FeedbackAnswerForwarding.text(of: body) else { return }
        guard let supervisorRoom = try writer.rooms.supervisor() else {
            logger.warning("feedback answer not forwarded: no supervisor room")
            return
        }
        let kept = try guarded(text, event: event, room: room)
        let decision = FeedbackAnswerForwarding.decide(kept, from: try writer.roster.find(userID: event.sender)?.name ?? event.sender,
                                                       redactsMasked: context.config.patientGuard == .redact,
                                                       supervisors: context.config.texts(context.language(of: supervisorRoom)),
                                                       student: context.config.texts(context.language(of: room)))
        for effect in decision.effects {
            switch effect {
            case .toSupervisors(let answer):
                try enqueue(answer, in: supervisorRoom.roomID, mentions: context.config.supervisors)
                outcome.handled += 1
                logger.info("feedback answer forwarded")
            case .answer(let message, let inReply):
                try enqueue(message, in: room.roomID, replyTo: inReply ? event.eventID : nil, mention: inReply ? nil : event.sender)
            }
        }
    }
}
