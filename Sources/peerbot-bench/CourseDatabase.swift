import Foundation
import PeerBotStore

/// A bot database holding a whole course, for the start-up benchmark: the roster, the groups and
/// the sessions of a placement half-way through, written through the store as the bot writes them.
struct CourseDatabase {
    var groups = 8
    var students = 40
    var sessions = 60

    /// Creates the database at `path` (its schema up to date) and fills it. Sessions are weekly
    /// per group, the first four weeks in the past (their scheduled work done), the rest ahead,
    /// the nearest two days away, so no job falls due during the benchmark.
    func create(at path: String, supervisor: String, now: Date = Date()) throws {
        let database = try AppDatabase(path: path)
        let (groups, students, sessions) = (self.groups, self.students, self.sessions)
        try database.write { writer in
            var roster: [String] = []
            for number in 1...students {
                let userID = "@course-student-\(number):localhost"
                roster.append(userID)
                try writer.roster.upsert(userID: userID, name: "Student \(number)",
                                         attributes: ["ward": ["ward \(number % 4 + 1)"]], at: now)
            }
            let formation = (0..<groups).map { group in
                (name: "Group \(group + 1)", members: roster.enumerated().filter { $0.offset % groups == group }.map(\.element))
            }
            let created = try writer.groups.create(formation, at: now)
            let week: TimeInterval = 7 * 86_400
            for index in 0..<sessions {
                let group = created[index % groups]
                let weekNumber = index / groups
                let startsAt = now.addingTimeInterval(Double(weekNumber - 4) * week + 2 * 86_400)
                let session = try writer.sessions.plan(groupID: group.id, title: "Case \(weekNumber + 1)", startsAt: startsAt,
                                                       durationSeconds: 5400, plannedBy: supervisor, at: now)
                try writer.sessions.addItem(session.number, kind: .goal, text: "Recognise the early signs of sepsis")
                try writer.sessions.addItem(session.number, kind: .outcome, text: "A handover in ISBAR form")
                if startsAt < now { try writer.sessions.finishJobs(session.number, at: now) }
            }
        }
    }
}
