import Foundation
import PeerBotStore
import PeerLearning

/// Everything stored about one student, for `!mydata`: their own data, and of others' only what
/// concerns them as a group (never who rated them how).
struct MyDataBuilder {
    let reader: StoreReader

    func document(for userID: String, now: Date) throws -> MyDataDocument {
        let student = try reader.roster.record(userID: userID)
        let profile = MyDataProfile(userID: userID, name: student?.name ?? userID, attributes: student?.attributes ?? [:],
                                    readyToFacilitate: try reader.participation.isReady(userID))
        var document = MyDataDocument(generated: now, profile: profile)
        // Earlier formations too: what the student did there is stored about them as well.
        let groups = try reader.groups.all(ofStudent: userID)
        document.groups = groups.map(\.exportLabel)
        let names = try SessionLookup(reader: reader).names()
        var totals = MyDataParticipation()
        for group in groups {
            try addSessions(userID, group: group, now: now, totals: &totals, to: &document)
            document.tasks += try reader.tasks.all(ofGroup: group.id).filter { $0.assignee == userID || $0.assignee == nil }.map {
                MyDataTask(id: Int($0.id), group: group.exportLabel, text: $0.text, due: $0.due, done: $0.doneAt != nil, wholeGroup: $0.assignee == nil)
            }
            try addAssessments(userID, group: group, names: names, to: &document)
        }
        if !groups.isEmpty { document.participation = totals }
        document.feedback = try feedback(userID)
        return document
    }

    private func addSessions(_ userID: String, group: StudyGroupRecord, now: Date, totals: inout MyDataParticipation,
                             to document: inout MyDataDocument) throws {
        for session in try reader.sessions.all(ofGroup: group.id) where session.cancelledAt == nil && session.startsAt <= now {
            let confirmed = try SessionLookup(reader: reader).confirmedStudents(session).contains(userID)
            let absent = try reader.participation.absentees(session.number).contains(userID)
            let messages = try reader.participation.messageCounts(session: session.number)[userID] ?? 0
            let facilitated = session.facilitator == userID
            document.sessions.append(MyDataSession(number: Int(session.number), group: group.exportLabel, title: session.title, start: session.startsAt,
                                                   confirmedGoals: confirmed, absent: absent, facilitated: facilitated, messages: messages))
            let own = try reader.reflections.all(session: session.number).filter { $0.userID == userID }
            document.reflections += own.map {
                MyDataReflection(session: Int(session.number), group: group.exportLabel, text: $0.text, scope: $0.scope.rawValue, late: $0.late, created: $0.createdAt)
            }
            let asked = try reader.participation.questions(session.number).filter { $0.userID == userID }.count
            totals = MyDataParticipation(sessions: totals.sessions + 1, messages: totals.messages + messages,
                                         confirmations: totals.confirmations + (confirmed ? 1 : 0), absences: totals.absences + (absent ? 1 : 0),
                                         facilitations: totals.facilitations + (facilitated ? 1 : 0),
                                         reflections: totals.reflections + own.count, questions: totals.questions + asked)
        }
    }

    private func addAssessments(_ userID: String, group: StudyGroupRecord, names: [String: String], to document: inout MyDataDocument) throws {
        for round in try reader.assessment.rounds(ofGroup: group.id) {
            let ratings = try reader.assessment.ratings(round: round.id)
            document.ratingsGiven += ratings.filter { $0.rater == userID }.map {
                MyDataRatingGiven(group: group.exportLabel, subjectUserID: $0.subject, subjectName: names[$0.subject] ?? $0.subject,
                                  marks: $0.marks, comment: $0.comment, given: $0.at)
            }
            // The band and score are the student's only once the round is released to them.
            guard let closed = round.closedAt, round.releasedAt != nil else { continue }
            if let own = try SessionLookup(reader: reader).result(of: round)[userID] {
                document.assessmentResults.append(MyDataAssessmentResult(group: group.exportLabel, completed: closed, score: own.formattedScore, band: own.band))
            }
        }
    }

    private func feedback(_ userID: String) throws -> [MyDataFeedback] {
        try reader.assessment.feedback(forStudent: userID).map { record in
            let group = try record.groupID.flatMap { try reader.groups.find(id: $0)?.name }
            return MyDataFeedback(group: group, from: record.from, text: record.text, created: record.at)
        }
    }
}
