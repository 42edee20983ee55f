import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A student's answer to a rating request in their direct room. Returns false when the
    /// message is not for an open round (so it may still be a reflection).
    mutating func handleRating(_ event: ClientEvent, body: String, room: RoomRecord) throws -> Bool {
        guard room.kind == .direct, room.userID == event.sender,
              let round = try writer.assessment.openRound(forRater: event.sender) ?? answeredRoundBeingChanged(event),
              let group = try writer.groups.find(id: round.groupID) else { return false }
        // Sent after the deadline (read late, after downtime): the round is over for this answer.
        // The rater's own deadline counts: the round's, or a later one `!extend` gave them.
        let deadline = try writer.deadlines.deadline(.assessment(round: round.id), userID: event.sender, common: round.deadline)
        guard context.eventTime(event) <= deadline else { return false }
        let parsed = RatingReply.parse(body)
        let reflectionOpen = try writer.reflections.latestRound(ofGroup: group.id).map { $0.summarizedAt == nil } ?? false
        // Text that is not a rating is a reflection while one is open; otherwise the format is shown again.
        if parsed == .malformed && reflectionOpen { return false }
        // A reply to an old request names a peer who may no longer be assigned (removed, re-grouped,
        // self-assessment off): then the reply goes to the peer the student is asked about now.
        let assigned = Set(try writer.assessment.assignments(round: round.id).filter { $0.rater == event.sender }.map(\.subject))
        let replied = try repliedSubject(event).flatMap { assigned.contains($0) ? $0 : nil }
        let subject = try replied ?? writer.assessment.currentAssignment(round: round.id, rater: event.sender)?.subject
        guard let subject else { return false }
        let name = try writer.roster.find(userID: subject)?.name ?? subject
        let say = context.config.texts(context.config.language)
        outcome.handled += 1
        switch parsed {
        case .malformed:
            try enqueue(say.assessment.ratingMalformed(subjectName: name), in: room.roomID, replyTo: event.eventID)
        case .rating(_, let comment?) where comment.count > TextKind.comment.limit:
            try enqueue(say.textTooLong(.comment, length: comment.count), in: room.roomID, replyTo: event.eventID)
        case .rating(let marks, let written):
            let comment = try written.map { try guarded($0, event: event, room: room).text }
            let replaced = try writer.assessment.ratings(round: round.id).contains { $0.rater == event.sender && $0.subject == subject }
            try writer.assessment.saveRating(round: round.id, rater: event.sender, subject: subject, marks: marks,
                                             comment: comment.flatMap { TextLimits.isBlank($0) ? nil : $0 }, at: context.now)
            try enqueue(say.assessment.ratingRecorded(subjectName: name, replaced: replaced), in: room.roomID, replyTo: event.eventID)
            let rounds = AssessmentRounds(writer: writer, config: context.config, now: context.now)
            if !replaced, try !rounds.requestNext(round: round.id, rater: event.sender, group: group.name) {
                try enqueue(say.assessment.assessmentDone(), in: room.roomID)
            }
        }
        return true
    }

    /// A reply (in Matrix's sense) to an earlier request names its subject: a second answer for that peer.
    private func repliedSubject(_ event: ClientEvent) throws -> String? {
        guard let target = event.relation?.replyTarget,
              let item = try writer.outbox.item(eventID: target), case .send(_, _, let json) = item.action,
              let content = JSONValue.parse(json), content["peerbot.kind"]?.stringValue == MessageKind.assessmentRequest.rawValue else { return nil }
        return content["peerbot.subject"]?.stringValue
    }

    /// The open round a reply to an earlier request belongs to, once the student has answered everything.
    func answeredRoundBeingChanged(_ event: ClientEvent) throws -> AssessmentRoundRecord? {
        guard try repliedSubject(event) != nil, let group = try writer.groups.active(ofStudent: event.sender) else { return nil }
        return try writer.assessment.openRound(ofGroup: group.id)
    }
}
