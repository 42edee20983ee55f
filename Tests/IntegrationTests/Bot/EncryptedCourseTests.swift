import Foundation
import Testing

extension BotEngineTests {
    /// A whole course with `encrypt_rooms`, every person on a real end-to-end encrypted client
    /// (matrix-nio on vodozemac): roster, groups, a session with goals, reflections, the summary
    /// and a peer-assessment round, each read decrypted, each stored on the homeserver as ciphertext.
    @Suite("Encrypted rooms: the whole course")
    struct EncryptedCourse {
        static let goal = "Genkende tidlige tegn på delir"
        static let names = ["Anna Holm", "Bo Lund", "Cecilie Dahl"]
        /// Goals 5 s after a session planned 20 s ahead; reflections due 90 s after the prompt
        /// (both prompts must reach the encrypted clients and both reflections the bot before then,
        /// with the suite's other tests on the same cores); a round that ends once all have rated,
        /// with a deadline no busy machine reaches (the result comes when the third rater is done).
        static let config = [
            "encrypt_rooms": "true", "goal_lead_time": "15s",
            "wrap_up_before_end": "5s", "reflection_deadline": "90s", "join_grace": "24h",
            "self_assessment": "false", "evaluation_deadline": "600s", "evaluation_every": "0",
        ]

        @Test("with encrypt_rooms, a supervisor and three students on encrypted clients run a course: encrypted roster, !grupper opret, welcomes, goals and an encrypted ✅, reflection prompt, a thread and a direct reflection, the summary, a peer-assessment round and its result; all read decrypted, all ciphertext on the homeserver")
        func wholeCourse() async throws {
            let began = ContinuousClock.now
            let server = try Homeserver.shared()
            let cast = try await EncryptedCast.begin(on: server, students: ["anna", "bo", "cecilie"], extra: Self.config,
                                                     label: "e2ee-course")
            defer { cast.stop() }
            let (supervisor, bot) = (cast.supervisor, cast.bot)
            let (anna, bo, cecilie) = (cast.students[0], cast.students[1], cast.students[2])

            let supervisorRoom = try await Self.openSupervisorRoom(bot: bot, supervisor: supervisor)
            var course = EncryptedCourseCast(bot: bot, supervisor: supervisor, supervisorRoom: supervisorRoom,
                                             students: [anna, bo, cecilie], names: Self.names)
            try await Self.uploadRoster(course)
            try await Self.formGroup(&course)
            print("encrypted course: group ready after \(ContinuousClock.now - began)")

            let session = try await Self.planSession(course)
            try await Self.confirmGoals(course, session: session, by: anna)
            let reflections = try await Self.reflect(course, session: session, inThread: anna, direct: bo)
            print("encrypted course: reflections in after \(ContinuousClock.now - began)")

            let summary = try await Self.awaitSummary(course, session: session)
            Self.checkSummary(summary, course: course, reflections: reflections, confirmer: anna, silent: cecilie)

            let plan = EncryptedRatingPlan(course)
            let ratings = try await Self.assess(course, plan: plan)
            let result = try await Self.awaitResult(course)
            Self.checkResult(result, course: course, plan: plan)

            try await Self.expectCiphertext(course, studentEvents: ratings + reflections.eventIDs)
            print("encrypted course test took \(ContinuousClock.now - began)")
        }
    }
}

/// The people and rooms of the encrypted course.
struct EncryptedCourseCast: Sendable {
    let bot: BotProcess
    let supervisor: EncryptedTestUser
    let supervisorRoom: String
    let students: [EncryptedTestUser]
    /// The roster's names, in the order of `students`.
    let names: [String]
    var groupRoom = ""
    /// user id → that student's direct room with the bot.
    var directRooms: [String: String] = [:]

    func name(of userID: String) -> String { names[students.firstIndex { $0.userID == userID }!] }
    func direct(of student: EncryptedTestUser) -> String { directRooms[student.userID]! }
}

/// The reflections sent and their texts.
struct EncryptedReflections: Sendable {
    let thread: (eventID: String, text: String)
    let direct: (eventID: String, text: String)
    var eventIDs: [(student: String, room: String, eventID: String)] = []
}

/// Who rates whom with which marks (no self-assessment), one comment to find in the result.
struct EncryptedRatingPlan: Sendable {
    /// rater → subject → the five marks.
    let marks: [String: [String: [Int]]]
    let comment = "rolig og tydelig ved overleveringen"
    /// The rater and subject the comment is about.
    let commenter: String
    let commented: String

    init(_ course: EncryptedCourseCast) {
        let (a, b, c) = (course.students[0].userID, course.students[1].userID, course.students[2].userID)
        marks = [a: [b: [4, 3, 5, 2, 4], c: [3, 3, 2, 4, 3]],
                 b: [a: [5, 4, 4, 5, 3], c: [2, 3, 3, 2, 1]],
                 c: [a: [3, 4, 3, 4, 3], b: [4, 4, 3, 3, 2]]]
        commenter = c
        commented = b
    }

    /// What `rater` writes about `subject`: the marks, and the comment where planned.
    func answer(by rater: String, about subject: String) -> String {
        let marks = self.marks[rater]![subject]!.map(String.init).joined(separator: " ")
        return rater == commenter && subject == commented ? marks + " " + comment : marks
    }
}
