import Foundation
@testable import PeerBotStore

/// A student with a distinctive id, name and reflection, whose data reaches every table that
/// can hold it; classmates Anna and Bo whose data must survive forgetting them.
enum ForgetFixture {
    static let userID = "@qvandermolen:hs"
    static let name = "Quintessa Vandermolen"
    static let reflection = "Blodtryksmaalingen gik bedre end sidst"
    static let comment = "Quintessa holdt os fast paa sagen"
    static let directRoom = "!dmquintessa:hs"

    /// What `seed` leaves behind about the student, by anonymous-count key.
    static let expectedCounts: [String: Int] = [
        "students": 1, "reflections": 2, "ratings_given": 2, "ratings_received": 2, "messages": 3,
        "tasks": 1, "questions": 1, "confirmations": 1, "feedback": 1, "outbox_rows": 6,
    ]

    struct Seeded {
        let groupID: Int64
        let session: Int64
        let round: Int64
        let groupTask: Int64
        let keptOutboxID: Int64
    }

    /// Fills the database; with `namesake`, another student whose id starts with the same
    /// characters (`@qvandermolen:hs.example`) joins the group.
    @discardableResult
    static func seed(_ database: AppDatabase, namesake: Bool = false) throws -> Seeded {
        try database.write { writer in
            let (group, members) = try seedRosterAndRooms(writer, namesake: namesake)
            let (session, groupTask) = try seedSessionWork(writer, group: group)
            let round = try seedRound(writer, group: group, members: members)
            let keptOutboxID = try seedOutbox(writer)
            return Seeded(groupID: group, session: session, round: round, groupTask: groupTask, keptOutboxID: keptOutboxID)
        }
    }

    private static func seedRosterAndRooms(_ writer: StoreWriter, namesake: Bool) throws -> (Int64, [String]) {
        var classmates = ["@anna:hs", "@bo:hs"]
        if namesake { classmates.append(userID + ".example") }
        for (index, id) in ([userID] + classmates).enumerated() {
            let display = id == userID ? name : (id.hasSuffix(".example") ? "Namesake" : "Classmate \(index)")
            try writer.roster.upsert(userID: id, name: display, attributes: ["role": ["nurse"]], at: fixedDate(0))
        }
        let members = [userID] + classmates
        try writer.groups.create([(name: "Old", members: members)], at: fixedDate(1))
        let group = try writer.groups.create([(name: "A", members: members)], at: fixedDate(2))[0].id
        try writer.groups.saveProposal(
            json: #"{"groups": [{"name": "A", "members": ["\#(userID)", "@anna:hs"]}]}"#, createdBy: "@sup:hs",
            at: fixedDate(2))
        try writer.jobs.markRun(jobKey: "welcome:\(userID)", at: fixedDate(2))
        try writer.settings.set("invitedToSupervision", #"["@sup:hs", "\#(userID)"]"#)
        try writer.rooms.upsert(RoomRecord(roomID: directRoom, kind: .direct, userID: userID, joinedAt: fixedDate(3)))
        try writer.rooms.setRef("ref:direct:\(userID)", roomID: directRoom)
        return (group, members)
    }

    private static func seedSessionWork(_ writer: StoreWriter, group: Int64) throws -> (Int64, Int64) {
        let session = try writer.sessions.plan(
            groupID: group, title: "Sepsis", startsAt: fixedDate(1_000), durationSeconds: 3600, plannedBy: "@sup:hs",
            at: fixedDate(3)).number
        try writer.participation.confirm(session, userID: userID, version: 1, at: fixedDate(500), reactionEventID: "$ok1")
        try writer.participation.addQuestion(
            sessionNumber: session, groupID: group, userID: userID, text: "Hvornaar maaler vi laktat", at: fixedDate(600))
        try writer.participation.setReady(userID, true, at: fixedDate(4))
        try writer.sessions.freezeFacilitator(session, userID)
        for _ in 0..<3 { try writer.participation.countMessage(session: session, userID: userID) }
        try writer.participation.countMessage(session: session, userID: "@anna:hs")
        try writer.reflections.add(
            sessionNumber: session, userID: userID, scope: .private, text: reflection, eventID: "$r1",
            roomID: directRoom, at: fixedDate(5_000), late: false)
        try writer.reflections.add(
            sessionNumber: session, userID: userID, scope: .group, text: "Kort", eventID: "$r2",
            roomID: "!groupA:hs", at: fixedDate(5_100), late: false)
        try writer.reflections.add(
            sessionNumber: session, userID: "@anna:hs", scope: .group, text: "Annas refleksion", eventID: "$r3",
            roomID: "!groupA:hs", at: fixedDate(5_200), late: false)

        try writer.tasks.add(
            groupID: group, assignee: userID, text: "Laes retningslinjen om sepsis", due: nil, sessionNumber: session,
            createdBy: "@sup:hs", at: fixedDate(4_000))
        let groupTask = try writer.tasks.add(
            groupID: group, assignee: nil, text: "Book the simulation room", due: nil, sessionNumber: session,
            createdBy: userID, at: fixedDate(4_100)).id
        try writer.tasks.close(id: groupTask, by: userID, at: fixedDate(4_200))
        try writer.assessment.addFeedback(userID: userID, groupID: nil, text: "Godt overblik i dag", from: "@sup:hs", at: fixedDate(6_000))
        try writer.assessment.addFeedback(userID: nil, groupID: group, text: "Good teamwork", from: "@sup:hs", at: fixedDate(6_100))
        return (session, groupTask)
    }

    private static func seedRound(_ writer: StoreWriter, group: Int64, members: [String]) throws -> Int64 {
        let round = try writer.assessment.startRound(
            groupID: group, raters: members, subjects: { rater in members.filter { $0 != rater } },
            selfAssessment: false, startedBy: "@sup:hs", at: fixedDate(7_000), deadline: fixedDate(9_000)).id
        let rate = { (rater: String, subject: String, comment: String?) in
            try writer.assessment.saveRating(
                round: round, rater: rater, subject: subject, marks: [4, 4, 3, 5, 4], comment: comment, at: fixedDate(7_100))
        }
        try rate(userID, "@anna:hs", "Anna er grundig")
        try rate(userID, "@bo:hs", nil)
        try rate("@anna:hs", userID, comment)
        try rate("@bo:hs", userID, nil)
        try rate("@anna:hs", "@bo:hs", "Bo spoerger godt")
        return round
    }

    /// Six rows that concern the student in different ways, and one that does not.
    private static func seedOutbox(_ writer: StoreWriter) throws -> Int64 {
        let acknowledgement = try writer.outbox.enqueue(sendAction(room: directRoom, text: "Tak for din refleksion"), at: fixedDate(5_001))
        try writer.outbox.markSent(id: acknowledgement.id, eventID: "$ack", at: fixedDate(5_002))
        try writer.outbox.enqueue(
            sendAction(room: "!sup:hs", text: "\(name): \(reflection)"), at: fixedDate(8_000))
        try writer.outbox.enqueue(sendAction(room: "!sup:hs", text: "Missing: \(mentionLink(userID))"), at: fixedDate(8_001))
        try writer.outbox.enqueue(.invite(roomID: "!groupA:hs", userID: userID), at: fixedDate(8_002))
        try writer.outbox.enqueue(.createRoom(ref: "ref:direct:\(userID)", requestJSON: #"{"is_direct": true}"#), at: fixedDate(8_003))
        let csv = Data("user,reflection\n\(userID),\(reflection)\n".utf8).base64EncodedString()
        try writer.outbox.enqueue(
            .sendFile(roomID: "!sup:hs", fileJSON: #"{"filename": "export.csv", "mimetype": "text/csv", "data": "\#(csv)", "content": {}}"#),
            at: fixedDate(8_004))
        return try writer.outbox.enqueue(sendAction(room: "!sup:hs", text: "Bo asked a question"), at: fixedDate(8_005)).id
    }

    private static func mentionLink(_ text: String) -> String { "<a href='https://matrix.to/#/\(text)'>link</a>" }
}
