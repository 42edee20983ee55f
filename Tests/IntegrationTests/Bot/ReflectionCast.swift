import Foundation
import Testing

/// Who does what after the sessions. Everyone in group A reflects, so A's summary comes as soon
/// as the last one has; in group B one reflects, one is late and one never answers, so B's
/// summary comes at the deadline.
struct ReflectionCast: Sendable {
    let groupA: GroupRoom
    let groupB: GroupRoom
    let directRooms: [String: String]

    init(_ formed: FormedGroups) throws {
        groupA = try #require(formed.room(named: "A"), "no group A among \(formed.rooms.map(\.name))")
        groupB = try #require(formed.room(named: "B"), "no group B among \(formed.rooms.map(\.name))")
        try #require(groupA.students.count == 3 && groupB.students.count == 3,
                     "group sizes \(groupA.students.count) and \(groupB.students.count), expected 3 and 3")
        directRooms = formed.directRooms
    }

    /// Answers in A's thread, then edits the answer; adds the group's task.
    var editor: TestUser { groupA.students[0] }
    /// Writes a plain message in the direct room.
    var privateWriter: TestUser { groupA.students[1] }
    /// Uses `!refleksion` in the group room; the last of group A.
    var commander: TestUser { groupA.students[2] }
    /// Answers in B's thread and redacts it; reflects privately with `!refleksion` in the direct room.
    var redactor: TestUser { groupB.students[0] }
    /// Answers in B's thread after the deadline.
    var latecomer: TestUser { groupB.students[1] }
    /// Never answers.
    var silent: TestUser { groupB.students[2] }

    var everyone: [TestUser] { groupA.students + groupB.students }

    func direct(_ student: TestUser) throws -> String {
        try #require(directRooms[student.userID], "\(student.userID) has no direct room with the bot")
    }
}

/// The texts the students write; none is part of another, so each can be counted on its own.
enum ReflectionTexts {
    static let original = "Første udkast: vi glemte helt at tage blodtryk"
    static let edited = "Rettet tråd-svar: vi målte blodtrykket for sent og talte for lidt om væske"
    static let privateDirect = "Privat i direkte rum: jeg var usikker på hvornår man tilkalder lægen"
    static let command = "Via kommando i grupperummet: godt samarbejde, næste gang forbereder jeg casen"
    static let redacted = "Trukket tilbage: denne sætning må ikke stå i nogen opsummering"
    static let redactorPrivate = "Privat via kommando: jeg vil øve ISBAR-overlevering"
    static let late = "For sent i tråden: jeg nåede det ikke før fristen"
    static let task = "Læs sepsis-retningslinjen til næste gang"
}

/// The reflection prompts posted as thread roots in the two group rooms.
struct GroupPrompts: Sendable {
    let a: RoomEvent
    let b: RoomEvent
    var sessionA: Int { a.peerbotSession ?? -1 }
    var sessionB: Int { b.peerbotSession ?? -1 }
}

/// The event ids of what the students sent.
struct SentReflections: Sendable {
    /// Thread answers and direct-room messages, each to be acknowledged with one ✅.
    var acknowledged: [(student: TestUser, eventID: String, roomID: String)] = []
    /// `!refleksion` commands, each to be answered with one `reflection_ack`.
    var commands: [(student: TestUser, eventID: String, roomID: String)] = []
}
