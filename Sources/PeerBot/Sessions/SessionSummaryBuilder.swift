import Foundation
import PeerBotStore
import PeerLearning

/// Gathers what the supervisors read about one session: confirmations, questions,
/// contributions, tasks, reflections, and who is missing.
struct SessionSummaryBuilder {
    let reader: StoreReader

    func summary(of record: SessionRecord) throws -> (SessionSummary, names: [String: String]) {
        let lookup = SessionLookup(reader: reader)
        let plan = try lookup.plan(record)
        let names = try lookup.names()
        let confirmed = try lookup.confirmedStudents(record)
        let counts = try reader.participation.messageCounts(session: record.number)
        let absent = try reader.participation.absentees(record.number)
        let reflections = try reader.reflections.all(session: record.number)
        let members = try reader.groups.members(ofGroup: record.groupID).map { member -> MemberLine in
            let own = reflections.filter { $0.userID == member.userID }
            let line = { (r: ReflectionRecord) in ReflectionLine(text: r.text, late: r.late, edited: r.editedAt != nil, masked: r.masked) }
            return MemberLine(name: names[member.userID] ?? member.userID, userID: member.userID,
                              confirmedGoals: confirmed.contains(member.userID), messages: counts[member.userID] ?? 0,
                              groupReflections: own.filter { $0.scope == .group }.map(line),
                              privateReflections: own.filter { $0.scope == .private }.map(line),
                              absent: absent.contains(member.userID))
        }
        let questions = try reader.participation.questions(record.number).map { QuestionLine(name: names[$0.userID] ?? $0.userID, text: $0.text) }
        let tasks = try reader.tasks.all(session: record.number).map { $0.item(group: plan.group) }
        let summary = SessionSummary(plan: plan, facilitatorName: try lookup.facilitatorName(try lookup.facilitator(of: record)),
                                     members: members, questions: questions, tasks: tasks,
                                     criteria: try reader.settings.value(SettingKeys.criteria))
        return (summary, names)
    }
}

extension TaskRecord {
    func item(group: String) -> TaskItem {
        TaskItem(id: Int(id), group: group, assignee: assignee, text: text, due: due, createdBy: createdBy, done: doneAt != nil)
    }
}
