import CSV
import Foundation
import PeerBotStore
import PeerLearning

/// The data a supervisor may take away: reflections, participation, tasks, peer-assessment
/// results and feedback, for one group
/// or all. Used by `!export` and by `peerbot export`.
public struct ExportBuilder {
    let reader: StoreReader

    public init(reader: StoreReader) { self.reader = reader }

    /// Every group, earlier formations' too (a student's history spans them), or the active
    /// group named; nil when that name matches no group.
    public func document(group name: String?) throws -> ExportDocument? {
        let groups: [StudyGroupRecord]
        if let name {
            guard let group = try reader.groups.active(named: name) else { return nil }
            groups = [group]
        } else {
            groups = try reader.groups.all()
        }
        let names = try SessionLookup(reader: reader).names()
        var document = ExportDocument(reflections: [], participation: [], tasks: [])
        for group in groups {
            for session in try reader.sessions.all(ofGroup: group.id) where session.cancelledAt == nil {
                try add(session, group: group, names: names, to: &document)
            }
            document.assessments += try assessments(of: group, names: names)
            document.feedback += try feedback(of: group)
            document.tasks += try reader.tasks.all(ofGroup: group.id).map {
                ExportTask(id: Int($0.id), group: group.exportLabel, assignee: $0.assignee, text: $0.text, due: $0.due, done: $0.doneAt != nil, createdAt: $0.createdAt)
            }
        }
        return document
    }

    /// Feedback to the group and to each of its members, once each.
    private func feedback(of group: StudyGroupRecord) throws -> [ExportFeedback] {
        var records = try reader.assessment.feedback(ofGroup: group.id)
        for member in try reader.groups.members(ofGroup: group.id) {
            records += try reader.assessment.feedback(forStudent: member.userID).filter { $0.userID == member.userID }
        }
        return records.sorted { $0.id < $1.id }.map {
            ExportFeedback(group: group.exportLabel, userID: $0.userID, text: $0.text, from: $0.from, createdAt: $0.at)
        }
    }

    /// Every closed round's WebPA results, scored as they were reported.
    private func assessments(of group: StudyGroupRecord, names: [String: String]) throws -> [ExportAssessment] {
        var rows: [ExportAssessment] = []
        for round in try reader.assessment.rounds(ofGroup: group.id) {
            guard let closed = round.closedAt else { continue }
            for member in try SessionLookup(reader: reader).result(of: round).members {
                rows.append(ExportAssessment(round: Int(round.id), group: group.exportLabel, completedAt: closed, userID: member.userID,
                                             name: names[member.userID] ?? member.userID, score: member.formattedScore,
                                             flags: member.flags.map(\.rawValue).sorted(), peerMeans: member.peerMean))
            }
        }
        return rows
    }

    private func add(_ session: SessionRecord, group: StudyGroupRecord, names: [String: String], to document: inout ExportDocument) throws {
        let number = Int(session.number)
        document.reflections += try reader.reflections.all(session: session.number).map {
            ExportReflection(session: number, group: group.exportLabel, userID: $0.userID, name: names[$0.userID] ?? $0.userID,
                             scope: $0.scope.rawValue, text: $0.text, late: $0.late, createdAt: $0.createdAt)
        }
        let counts = try reader.participation.messageCounts(session: session.number)
        let confirmed = try SessionLookup(reader: reader).confirmedStudents(session)
        let absent = try reader.participation.absentees(session.number)
        document.participation += try reader.groups.members(ofGroup: group.id).map {
            ExportParticipation(session: number, group: group.exportLabel, userID: $0.userID, name: names[$0.userID] ?? $0.userID,
                                messages: counts[$0.userID] ?? 0, confirmedGoals: confirmed.contains($0.userID),
                                absent: absent.contains($0.userID))
        }
    }
}

/// CSV text for export tables, every cell neutralised for spreadsheets.
public enum CSVText {
    public static func make(header: [String], rows: [[String]]) throws -> Data {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: header)
        // Students write the texts: none may run as a formula when a supervisor opens the file.
        for row in rows { try writer.write(row: row.map(SpreadsheetCell.neutralised)) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { return Data() }
        return data + Data("\n".utf8)
    }

    /// The export as five CSV files, by file name.
    public static func files(_ document: ExportDocument) throws -> [(name: String, data: Data)] {
        let reflections = ExportTables.reflections(document.reflections)
        let participation = ExportTables.participation(document.participation)
        let tasks = ExportTables.tasks(document.tasks)
        let assessments = ExportTables.assessments(document.assessments)
        let feedback = ExportTables.feedback(document.feedback)
        return [
            ("reflections.csv", try make(header: reflections.header, rows: reflections.rows)),
            ("participation.csv", try make(header: participation.header, rows: participation.rows)),
            ("tasks.csv", try make(header: tasks.header, rows: tasks.rows)),
            ("assessments.csv", try make(header: assessments.header, rows: assessments.rows)),
            ("feedback.csv", try make(header: feedback.header, rows: feedback.rows)),
        ]
    }
}
