import Foundation
import GRDB
import PeerLearning
import Testing
@testable import PeerBotStore

/// Stores a reflection by `userID` on the session, carried by `eventID`.
@discardableResult
func reflect(
    _ database: AppDatabase, session: Int64, userID: String, text: String, eventID: String,
    scope: ReflectionScope = .group, at seconds: TimeInterval = 5_000, late: Bool = false
) throws -> ReflectionRecord? {
    try database.write { writer in
        try writer.reflections.add(
            sessionNumber: session, userID: userID, scope: scope, text: text, eventID: eventID,
            roomID: scope == .group ? "!groupA:hs" : "!dm:hs", at: fixedDate(seconds), late: late)
    }
}

@Suite struct ReflectionTests {
    @Test(arguments: StoreFlavor.allCases)
    func reflectionsAreKeptPerSessionOldestFirst(flavor: StoreFlavor) throws {
        let (store, a, _) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let other = try plan(database, group: a, start: 9_000).number
        let second = try reflect(database, session: number, userID: "@bo:hs", text: "So what", eventID: "$2", at: 6_000)
        let first = try reflect(
            database, session: number, userID: "@anna:hs", text: "What", eventID: "$1", scope: .private, at: 5_000)
        try reflect(database, session: number, userID: "@anna:hs", text: "Now what", eventID: "$3", at: 90_000, late: true)
        try reflect(database, session: other, userID: "@anna:hs", text: "Elsewhere", eventID: "$4")

        #expect(first == ReflectionRecord(
            id: try #require(first).id, sessionNumber: number, userID: "@anna:hs", scope: .private, text: "What",
            eventID: "$1", roomID: "!dm:hs", createdAt: fixedDate(5_000), late: false))
        try database.read { reader throws in
            let stored = try reader.reflections.all(session: number)
            #expect(stored.map(\.text) == ["What", "So what", "Now what"])
            #expect(stored.map(\.late) == [false, false, true])
            #expect(stored.first == first)
            #expect(stored.dropFirst().first == second)
            #expect(try reader.reflections.find(eventID: "$1") == first)
            #expect(try reader.reflections.find(eventID: "$none") == nil)
            #expect(try reader.reflections.reflectedStudents(session: number) == ["@anna:hs", "@bo:hs"])
            #expect(try reader.reflections.reflectedStudents(session: other) == ["@anna:hs"])
        }
    }

    @Test func aRedeliveredEventIsStoredOnce() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        let first = try reflect(database, session: number, userID: "@anna:hs", text: "What", eventID: "$1")
        #expect(first != nil)
        let again = try reflect(database, session: number, userID: "@anna:hs", text: "Different", eventID: "$1", at: 7_000)
        #expect(again == nil)
        #expect(try database.read { try $0.reflections.all(session: number) } == [try #require(first)])
    }

    @Test func anEditReplacesTheTextAndARedactionRemovesIt() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        try reflect(database, session: number, userID: "@anna:hs", text: "Draft", eventID: "$1")
        try reflect(database, session: number, userID: "@bo:hs", text: "Mine", eventID: "$2")
        let (edited, unknownEdit) = try database.write { writer in
            (
                try writer.reflections.edit(eventID: "$1", text: "Final", at: fixedDate(6_000)),
                try writer.reflections.edit(eventID: "$none", text: "Final", at: fixedDate(6_000))
            )
        }
        #expect(edited)
        #expect(!unknownEdit)
        let reflection = try #require(try database.read { try $0.reflections.find(eventID: "$1") })
        #expect(reflection.text == "Final")
        #expect(reflection.editedAt == fixedDate(6_000))
        #expect(reflection.createdAt == fixedDate(5_000))
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.reflections.edit(eventID: "$1", text: "", at: fixedDate(7_000)) }
        }

        #expect(try database.write { try $0.reflections.remove(eventID: "$1") })
        #expect(try database.write { try $0.reflections.remove(eventID: "$1") } == false)
        try database.read { reader throws in
            #expect(try reader.reflections.all(session: number).map(\.eventID) == ["$2"])
            #expect(try reader.reflections.reflectedStudents(session: number) == ["@bo:hs"])
        }
    }

    @Test func aReflectionNeedsASessionAStudentAndText() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        let number = try plan(database, group: a, start: 1_000).number
        #expect(throws: SessionStoreError.sessionNotFound(number: 999)) {
            try reflect(database, session: 999, userID: "@anna:hs", text: "What", eventID: "$1")
        }
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@sup:hs")) {
            try reflect(database, session: number, userID: "@sup:hs", text: "What", eventID: "$1")
        }
        #expect(throws: DatabaseError.self) {
            try reflect(database, session: number, userID: "@anna:hs", text: "", eventID: "$1")
        }
        #expect(throws: DatabaseError.self) {
            try reflect(database, session: number, userID: "@anna:hs", text: "What", eventID: "not-an-event")
        }
        #expect(try database.read { try $0.reflections.all(session: number) }.isEmpty)
    }
}

@Suite struct ReflectionGuardMarkTests {
    @Test func aMaskedReflectionKeepsItsMarkUntilAnEditWithoutIdentifiers() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(1))
            let group = try writer.groups.create([(name: "A", members: ["@anna:hs"])], at: fixedDate(2))[0].id
            let number = try writer.sessions.plan(groupID: group, title: "Sepsis", startsAt: fixedDate(100), durationSeconds: 3600,
                                                  plannedBy: "@sup:hs", at: fixedDate(3)).number
            let kept = try #require(try writer.reflections.add(sessionNumber: number, userID: "@anna:hs", scope: .group, text: "Hr. [navn]",
                                                               eventID: "$r", roomID: "!g:hs", at: fixedDate(3800), late: false, masked: true))
            #expect(kept.masked)
            #expect(try writer.reflections.find(eventID: "$r")?.masked == true)
            try writer.reflections.edit(eventID: "$r", text: "Det gik godt", at: fixedDate(3900))
            #expect(try writer.reflections.find(eventID: "$r")?.masked == false)
        }
    }
}
