import Foundation
import Testing

/// The four students of group A and what each does in the peer-assessment round.
struct AssessmentCast: Sendable {
    let cohort: CohortScenario
    let group: GroupRoom
    /// Answers with three malformed replies before the right marks for the first peer.
    let malformer: TestUser
    /// Later changes the rating of the malformer by replying to that request; gets the
    /// supervisor's feedback and asks for their data.
    let changer: TestUser
    /// Answers every request at once, with the same marks for every peer: undifferentiated.
    let steady: TestUser
    /// Never answers the assessment; reflects after the reflection deadline with an extension.
    let silent: TestUser
    /// user id → the student's direct room with the bot.
    let directRooms: [String: String]

    var everyone: [TestUser] { [malformer, changer, steady, silent] }
    var raters: [TestUser] { [malformer, changer, steady] }
    var memberIDs: [String] { everyone.map(\.userID) }

    /// Takes the group's four students in roster order and checks that each one's direct room
    /// carries the bot's `direct` marker.
    init(cohort: CohortScenario, formed: FormedGroups, group: GroupRoom) async throws {
        try #require(group.students.count == 4, "group A has \(group.students.map(\.userID))")
        self.cohort = cohort
        self.group = group
        malformer = group.students[0]
        changer = group.students[1]
        steady = group.students[2]
        silent = group.students[3]
        var rooms: [String: String] = [:]
        for student in group.students {
            let room = try #require(formed.directRooms[student.userID], "\(student.userID) has no direct room")
            let marker = try await student.state("org.peerbot.room", in: room)
            try #require(marker?["kind"]?.string == "direct", "\(student.userID)'s room \(room) is marked \(marker?.text ?? "not at all")")
            rooms[student.userID] = room
        }
        directRooms = rooms
    }

    func room(of student: TestUser) -> String { directRooms[student.userID]! }
    func name(of userID: String) -> String { cohort.name(of: everyone.first { $0.userID == userID }!) }
}

/// The marks and comments the raters send, varied per criterion so the scores say something.
struct RatingPlan: Sendable {
    struct Answer: Sendable, Equatable {
        let marks: [Int]
        let comment: String?
        var text: String { marks.map(String.init).joined(separator: " ") + (comment.map { " " + $0 } ?? "") }
    }

    /// rater → subject → the first answer.
    let first: [String: [String: Answer]]
    /// The changer's second answer for the malformer, sent as a reply to that request.
    let change: Answer
    let changer: String
    let changedSubject: String

    init(_ cast: AssessmentCast) {
        let (a, b, c, d) = (cast.malformer.userID, cast.changer.userID, cast.steady.userID, cast.silent.userID)
        first = [
            a: [b: Answer(marks: [4, 3, 5, 2, 4], comment: "tydelig struktur i casen"),
                c: Answer(marks: [3, 3, 2, 4, 3], comment: nil),
                d: Answer(marks: [2, 1, 3, 2, 2], comment: "var svær at få fat i")],
            b: [a: Answer(marks: [5, 4, 4, 5, 3], comment: "første indtryk fra tirsdag"),
                c: Answer(marks: [2, 3, 3, 2, 1], comment: nil),
                d: Answer(marks: [3, 4, 2, 3, 3], comment: nil)],
            // The same marks for everyone: the steady rater is flagged undifferentiated.
            c: [a: Answer(marks: [3, 4, 3, 4, 3], comment: "rolig ved stuegang"),
                b: Answer(marks: [3, 4, 3, 4, 3], comment: "spørger godt ind til patienten"),
                d: Answer(marks: [3, 4, 3, 4, 3], comment: nil)],
        ]
        change = Answer(marks: [3, 2, 4, 3, 2], comment: "rettet: godt overblik ved stuegang")
        changer = b
        changedSubject = a
    }

    /// The answers that count once the change is made.
    var final: [String: [String: Answer]] {
        var answers = first
        answers[changer]?[changedSubject] = change
        return answers
    }

    var finalMarks: WebPAExpectation.Marks { final.mapValues { $0.mapValues(\.marks) } }

    /// Every comment that counts, with its rater and subject.
    var finalComments: [(rater: String, subject: String, text: String)] {
        final.flatMap { rater, given in
            given.compactMap { subject, answer in answer.comment.map { (rater, subject, $0) } }
        }
    }

    /// The comment the change replaced: it must no longer show anywhere.
    var replacedComment: String { first[changer]![changedSubject]!.comment! }

    /// The comments that count about `subject`, whoever wrote them.
    func comments(about subject: String) -> [String] {
        finalComments.filter { $0.subject == subject }.map(\.text)
    }
}
