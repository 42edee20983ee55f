import Foundation
import Testing
import PeerLearning

private let created = utc("2026-12-03T14:45:10Z")

private let reflections = [
    ExportReflection(session: 12, group: "A", userID: "@anna:hs", name: "Anna", scope: "group",
                     text: "Line one\nline, two", late: false, createdAt: created),
    ExportReflection(session: 12, group: "A", userID: "@bo:hs", name: "Bo", scope: "private",
                     text: "Late one", late: true, createdAt: created.addingTimeInterval(90_000)),
]
private let participation = [
    ExportParticipation(session: 12, group: "A", userID: "@anna:hs", name: "Anna", messages: 12,
                        confirmedGoals: true, absent: false),
    ExportParticipation(session: 12, group: "A", userID: "@bo:hs", name: "Bo", messages: 0,
                        confirmedGoals: false, absent: true),
    ExportParticipation(session: 13, group: "B", userID: "@cy:hs", name: "Cy", messages: 3,
                        confirmedGoals: true, absent: false),
]
private let tasks = [
    ExportTask(id: 7, group: "A", assignee: "@anna:hs", text: "Look up qSOFA", due: "fredag", done: false,
               createdAt: created),
    ExportTask(id: 8, group: "A", assignee: nil, text: "Present the case", due: nil, done: true, createdAt: created),
]

@Test func reflectionRowsCarryEveryFieldWithUTCTimes() {
    let table = ExportTables.reflections(reflections)
    #expect(table.header == ["session", "group", "user_id", "name", "scope", "text", "late", "created_at"])
    #expect(table.rows.count == reflections.count)
    #expect(table.rows[0] == ["12", "A", "@anna:hs", "Anna", "group", "Line one\nline, two", "false", "2026-12-03T14:45:10Z"])
    #expect(table.rows[1][6] == "true" && table.rows[1][7] == "2026-12-04T15:45:10Z")
    #expect(table.rows.allSatisfy { $0.count == table.header.count })
}

@Test func participationAndTaskRowsHaveOneRowPerRecord() {
    let people = ExportTables.participation(participation)
    #expect(people.header == ["session", "group", "user_id", "name", "messages", "confirmed_goals", "absent"])
    #expect(people.rows.count == 3 && people.rows.allSatisfy { $0.count == people.header.count })
    #expect(people.rows[1] == ["12", "A", "@bo:hs", "Bo", "0", "false", "true"])
    let work = ExportTables.tasks(tasks)
    #expect(work.header == ["id", "group", "assignee", "text", "due", "done", "created_at"])
    #expect(work.rows.count == 2 && work.rows.allSatisfy { $0.count == work.header.count })
    #expect(work.rows[0][2] == "@anna:hs" && work.rows[0][4] == "fredag" && work.rows[0][5] == "false")
    #expect(work.rows[1][2] == "group" && work.rows[1][4] == "" && work.rows[1][5] == "true")
    #expect(ExportTables.reflections([]).rows.isEmpty)
}

@Test func theJSONDocumentUsesTheSameNamesAndReadsBack() throws {
    let document = ExportDocument(reflections: reflections, participation: participation, tasks: tasks)
    let data = try document.json()
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"created_at\" : \"2026-12-03T14:45:10Z\""))
    #expect(text.contains("\"user_id\" : \"@anna:hs\"") && text.contains("\"confirmed_goals\" : true"))
    #expect(try ExportDocument.decode(data) == document)
}
