import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct RosterTests {
    @Test(arguments: StoreFlavor.allCases)
    func studentsAreAddedLastAndKeepTheirPlaceWhenUpdated(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        let added = try database.write { writer in
            [
                try writer.roster.upsert(userID: "@cleo:hs", name: "Cleo", attributes: ["style": ["visual"]], at: fixedDate(1)),
                try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: fixedDate(2)),
                try writer.roster.upsert(userID: "@bo:hs", name: "Bo", attributes: [:], at: fixedDate(3)),
            ]
        }
        #expect(added == [true, true, true])

        let updated = try database.write { writer in
            try writer.roster.upsert(
                userID: "@cleo:hs", name: "Cleo Jensen",
                attributes: ["strengths": ["ECG", "wounds"], "background": ["DK"]], at: fixedDate(10))
        }
        #expect(updated == false)

        let roster = try database.read { try $0.roster.all() }
        #expect(roster.map(\.userID) == ["@cleo:hs", "@anna:hs", "@bo:hs"])
        #expect(roster.map(\.position) == [1, 2, 3])
        #expect(roster[0] == StudentRecord(
            userID: "@cleo:hs", name: "Cleo Jensen",
            attributes: ["strengths": ["ECG", "wounds"], "background": ["DK"]], position: 1,
            addedAt: fixedDate(1), updatedAt: fixedDate(10)))
    }

    @Test func removingAStudentLeavesTheOthersInOrderAndTheNextGoesLast() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            for (index, name) in ["anna", "bo", "cleo"].enumerated() {
                try writer.roster.upsert(userID: "@\(name):hs", name: name, attributes: [:], at: fixedDate(Double(index)))
            }
        }
        let (removed, removedAgain) = try database.write { writer in
            (try writer.roster.remove(userID: "@bo:hs"), try writer.roster.remove(userID: "@bo:hs"))
        }
        #expect(removed && !removedAgain)
        _ = try database.write { try $0.roster.upsert(userID: "@dan:hs", name: "Dan", attributes: [:], at: fixedDate(9)) }

        try database.read { reader throws in
            #expect(try reader.roster.all().map(\.userID) == ["@anna:hs", "@cleo:hs", "@dan:hs"])
            #expect(try reader.roster.find(userID: "@dan:hs")?.position == 4)
            #expect(try reader.roster.find(userID: "@bo:hs") == nil)
            #expect(try reader.roster.isStudent("@anna:hs"))
            #expect(try !reader.roster.isStudent("@bo:hs"))
        }
    }

    @Test func attributesAreStoredAsAJSONObject() throws {
        let store = try TestStore(.inMemory)
        _ = try store.database.write { writer in
            try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: ["style": ["a", "b"]], at: fixedDate(1))
        }
        let stored = try store.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT attributes FROM student")
        }
        #expect(stored == #"{"style":["a","b"]}"#)
        for bad in ["not json", "[1]", "\"text\""] {
            #expect(throws: DatabaseError.self, "\(bad)") {
                try store.database.writer.write { db in
                    try db.execute(sql: "UPDATE student SET attributes = ?", arguments: [bad])
                }
            }
        }
    }

    @Test func theSchemaRejectsStudentsWithoutAUserIDOrName() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.roster.upsert(userID: "anna", name: "Anna", attributes: [:], at: fixedDate(1)) }
        }
        #expect(throws: DatabaseError.self) {
            try database.write { try $0.roster.upsert(userID: "@anna:hs", name: "", attributes: [:], at: fixedDate(1)) }
        }
        #expect(try database.read { try $0.roster.all() }.isEmpty)
    }
}
