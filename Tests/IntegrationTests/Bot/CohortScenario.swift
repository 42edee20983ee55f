import Foundation
import Testing

/// One bot with a supervisor (configured) and a cohort of students with roster names, the
/// supervisor already in the supervisor room the bot made on its first start.
struct CohortScenario: Sendable {
    let server: Homeserver
    let supervisor: TestUser
    let students: [TestUser]
    let bot: BotProcess
    let supervisorRoom: String

    /// Roster names, one per student in order; one has a comma (quoted in the CSV) and Danish letters.
    static let names = [
        "Anna Hansen", "Ærø, Søren Østergård", "Cecilie Berg", "David Larsen", "Emma Søndergaard",
        "Frederik Holm", "Gustav Nybo", "Hanna Lund",
    ]

    /// Registers the people, starts the bot with `extra` config keys and joins the supervisor room.
    static func start(studentCount: Int = 6, extra: [String: String], label: String, on homeserver: Homeserver? = nil) async throws -> CohortScenario {
        precondition(studentCount <= names.count)
        let server = try homeserver ?? Homeserver.shared()
        async let supervisor = TestUser.register(on: server, prefix: "supervisor")
        let students = try await withThrowingTaskGroup(of: (Int, TestUser).self) { group in
            for index in 0..<studentCount {
                group.addTask { (index, try await TestUser.register(on: server, prefix: "student\(index)")) }
            }
            var byIndex: [Int: TestUser] = [:]
            for try await (index, user) in group { byIndex[index] = user }
            return (0..<studentCount).map { byIndex[$0]! }
        }
        let boss = try await supervisor
        let bot = try await BotProcess.prepare(on: server, supervisors: [boss.userID], extra: extra, label: label)
        try bot.start()
        let invite = try await boss.waitForInvite(from: bot.userID, timeout: Polling.patience, check: bot.checkAlive)
        try await boss.join(invite.roomID)
        print("\(label): bot files in \(bot.directory.path)")
        return CohortScenario(server: server, supervisor: boss, students: students, bot: bot, supervisorRoom: invite.roomID)
    }

    func name(of student: TestUser) -> String {
        Self.names[students.firstIndex { $0.userID == student.userID }!]
    }

    /// The roster file for every student: the header, then one line each with `;`-separated values.
    func rosterCSV(extraLines: [String] = []) -> String {
        let strengths = ["kommunikation;sårpleje", "medicin", "ekg;akut", "kommunikation", "sårpleje", "akut;medicin"]
        let backgrounds = ["sygeplejerske", "fysioterapeut", "medicinstuderende"]
        let styles = ["visuel", "verbal", "praktisk", "visuel"]
        var lines = ["matrix_id,name,strengths,background,style"]
        for (index, student) in students.enumerated() {
            let name = Self.names[index]
            let cell = name.contains(",") ? "\"\(name)\"" : name
            lines.append([student.userID, cell, strengths[index % strengths.count],
                          backgrounds[index % backgrounds.count], styles[index % styles.count]].joined(separator: ","))
        }
        return (lines + extraLines).joined(separator: "\n") + "\n"
    }

    /// Sends `text` as `user` (the supervisor by default) in `room` (the supervisor room by
    /// default) and waits for the bot's reply to it.
    func command(
        _ text: String, by user: TestUser? = nil, in room: String? = nil, timeout: Duration = Polling.patience
    ) async throws -> (id: String, reply: RoomEvent) {
        let sender = user ?? supervisor
        let roomID = room ?? supervisorRoom
        let id = try await sender.send(text, in: roomID)
        return (id, try await reply(to: id, in: roomID, seenBy: sender, timeout: timeout))
    }

    /// Waits until `viewer` sees the bot's reply to `eventID`; fails at once if the bot dies.
    func reply(to eventID: String, in roomID: String, seenBy viewer: TestUser, timeout: Duration = Polling.patience) async throws -> RoomEvent {
        let botID = bot.userID
        return try await viewer.waitFor("the bot's reply to \(eventID)", timeout: timeout, check: bot.checkAlive) {
            $0.roomID == roomID && $0.sender == botID && $0.isMessage && $0.inReplyTo == eventID
        }[0]
    }

    /// Waits until `viewer` sees a bot message (not an edit) in `roomID` matching `predicate`.
    func botMessage(
        _ what: String, in roomID: String, seenBy viewer: TestUser, timeout: Duration = Polling.patience,
        where predicate: @escaping @Sendable (RoomEvent) -> Bool
    ) async throws -> RoomEvent {
        let botID = bot.userID
        return try await viewer.waitFor(what, timeout: timeout, check: bot.checkAlive) {
            $0.roomID == roomID && $0.sender == botID && $0.isMessage && !$0.isEdit && predicate($0)
        }[0]
    }

    /// The bot's messages in `roomID` from the full history, edits left out, oldest first.
    func botPosts(in roomID: String, seenBy viewer: TestUser? = nil) async throws -> [RoomEvent] {
        try await (viewer ?? supervisor).messages(in: roomID, from: bot.userID).filter { !$0.isEdit }
    }
}
