import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A student's answer to a rating request in their direct room. Returns false when the
    /// message is not for an open round (so it may still be a reflection).
    mutating func handleRating(_ event: ClientEvent, body: String, room: RoomRecord) throws -> Bool {
        guard room.kind == .direct, room.userID == event.sender, let found = try ratingRound(for: event) else { return false }
        return try takeRating(event, body: body, room: room, round: found.round, repliedSubject: found.repliedSubject)
    }

    /// As `handleRating`, for the round the caller found the rater's text may be for. The round's
    /// assignments and ratings are read only once the text may be a rating (`RatingIntake.declines`).
    /// `repliedSubject`: the peer the text replies about, when finding the round read it; nil: read here if needed.
    mutating func takeRating(_ event: ClientEvent, body: String, room: RoomRecord, round: AssessmentRoundRecord,
                             repliedSubject: String? = nil) throws -> Bool {
        let parsed = RatingReply.parse(body)
        // Whether a reflection is open decides only for a text that is no rating.
        let reflectionOpen = parsed == .malformed ? try isReflectionOpen(groupID: round.groupID) : nil
        guard !RatingIntake.declines(parsed, reflectionOpen: reflectionOpen ?? false) else { return false }
        // Sent after the deadline (read late, after downtime): the round is over for this answer.
        // The rater's own deadline counts: the round's, or a later one `!extend` gave them.
        let deadline = try writer.deadlines.deadline(.assessment(round: round.id), userID: event.sender, common: round.deadline)
        guard context.eventTime(event) <= deadline, let group = try writer.groups.find(id: round.groupID) else { return false }
        let facts = try ratingFacts(round: round, group: group, rater: event.sender, event: event, repliedSubject: repliedSubject,
                                    reflectionOpen: try reflectionOpen ?? isReflectionOpen(groupID: group.id))
        // The guard goes first, so an identifier in the comment is redacted before anything is
        // kept; a text the round does not take is left for the reflection, unguarded here.
        guard RatingIntake.takes(parsed, round: facts) else { return false }
        let comment = try RatingIntake.commentToGuard(parsed).map { try guarded($0, event: event, room: room).text }
        guard let decision = RatingIntake.decide(parsed, guardedComment: comment, round: facts,
                                                 say: context.config.texts(context.config.language)) else { return false }
        outcome.handled += 1
        try apply(decision.effects, round: round.id, event: event, room: room)
        return true
    }

    private func isReflectionOpen(groupID: Int64) throws -> Bool {
        try writer.reflections.latestRound(ofGroup: groupID).map { $0.summarizedAt == nil } ?? false
    }

    /// What the decision needs of the rater's part of the round, read before deciding.
    private func ratingFacts(round: AssessmentRoundRecord, group: StudyGroupRecord, rater: String,
                             event: ClientEvent, repliedSubject known: String?, reflectionOpen: Bool) throws -> RatingIntake.Round {
        let assignments = try writer.assessment.assignments(round: round.id, rater: rater)
        var names: [String: String] = [:]
        for subject in assignments.map(\.subject) { names[subject] = try writer.roster.find(userID: subject)?.name }
        return RatingIntake.Round(rater: rater, group: group.name,
                                  assignments: assignments.map { .init(subject: $0.subject, position: $0.position, answered: $0.isAnswered) },
                                  rated: try writer.assessment.ratedSubjects(round: round.id, rater: rater), names: names,
                                  repliedSubject: try known ?? repliedSubject(event), reflectionOpen: reflectionOpen)
    }

    /// Carries out a rating's effects in order, in the batch's transaction.
    private mutating func apply(_ effects: [RatingIntakeEffect], round: Int64, event: ClientEvent, room: RoomRecord) throws {
        let rounds = AssessmentRounds(writer: writer, config: context.config, now: context.now)
        for effect in effects {
            switch effect {
            case .save(let subject, let marks, let comment):
                try writer.assessment.saveRating(round: round, rater: event.sender, subject: subject, marks: marks, comment: comment, at: context.now)
            case .reply(let message):
                try enqueue(message, in: room.roomID, replyTo: event.eventID)
            case .tell(let userID, let message):
                try rounds.post(message, to: userID)
            case .markRequested(let subject):
                try writer.assessment.markRequested(round: round, rater: event.sender, subject: subject, at: context.now)
            case .post(let message):
                try enqueue(message, in: room.roomID)
            }
        }
    }

    /// A reply (in Matrix's sense) to an earlier request names its subject: a second answer for that peer.
    private func repliedSubject(_ event: ClientEvent) throws -> String? {
        guard let target = event.relation?.replyTarget,
              let item = try writer.outbox.item(eventID: target), case .send(_, _, let json) = item.action,
              let content = JSONValue.parse(json), content["peerbot.kind"]?.stringValue == MessageKind.assessmentRequest.rawValue else { return nil }
        return content["peerbot.subject"]?.stringValue
    }

    /// The round a rater's text may be for: their open round, or else the open round a reply to an
    /// earlier request belongs to once they have answered everything. `repliedSubject` is the peer
    /// that request named when it was read to find the round (for `takeRating`, so it is read once),
    /// nil when it was not read.
    func ratingRound(for event: ClientEvent) throws -> (round: AssessmentRoundRecord, repliedSubject: String?)? {
        if let round = try writer.assessment.openRound(forRater: event.sender) { return (round, nil) }
        guard let changed = try answeredRoundBeingChanged(event) else { return nil }
        return (changed.round, changed.repliedSubject)
    }

    /// The open round a reply to an earlier request belongs to, once the student has answered
    /// everything, and the peer that request named.
    private func answeredRoundBeingChanged(_ event: ClientEvent) throws -> (round: AssessmentRoundRecord, repliedSubject: String)? {
        guard let subject = try repliedSubject(event), let group = try writer.groups.active(ofStudent: event.sender),
              let round = try writer.assessment.openRound(ofGroup: group.id) else { return nil }
        return (round, subject)
    }
}
