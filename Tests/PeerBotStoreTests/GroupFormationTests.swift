import Foundation
import GRDB
import Testing
@testable import PeerBotStore

/// A database whose roster holds `@<name>:hs` for each name, in that order.
func databaseWithRoster(_ names: [String], flavor: StoreFlavor = .inMemory) throws -> TestStore {
    let store = try TestStore(flavor)
    try store.database.write { writer in
        for (index, name) in names.enumerated() {
            try writer.roster.upsert(userID: "@\(name):hs", name: name.capitalized, attributes: [:], at: fixedDate(Double(index)))
        }
    }
    return store
}

@Suite struct GroupFormationTests {
    @Test(arguments: StoreFlavor.allCases)
    func aNewFormationArchivesTheOldOneAndCountsPairs(flavor: StoreFlavor) throws {
        let store = try databaseWithRoster(["anna", "bo", "cleo", "dan"], flavor: flavor)
        let database = store.database
        let first = try database.write { writer in
            try writer.groups.create(
                [(name: "A", members: ["@anna:hs", "@bo:hs"]), (name: "B", members: ["@cleo:hs", "@dan:hs"])],
                at: fixedDate(100))
        }
        #expect(first.map(\.name) == ["A", "B"])
        #expect(first.allSatisfy { $0.generation == 1 && $0.isActive && $0.roomID == nil })

        let second = try database.write { writer in
            try writer.groups.create(
                [(name: "A", members: ["@anna:hs", "@bo:hs", "@cleo:hs"]), (name: "B", members: ["@dan:hs"])],
                at: fixedDate(200))
        }
        try database.read { reader throws in
            #expect(try reader.groups.active() == second)
            #expect(second.allSatisfy { $0.generation == 2 })
            #expect(try reader.groups.find(id: first[0].id)?.archivedAt == fixedDate(200))
            #expect(try reader.groups.active(ofStudent: "@cleo:hs")?.id == second[0].id)
            let counts = try reader.groups.pairCounts()
            #expect(counts.map { "\($0.0) \($0.1) \($0.2)" } == [
                "@anna:hs @bo:hs 2",
                "@anna:hs @cleo:hs 1",
                "@bo:hs @cleo:hs 1",
                "@cleo:hs @dan:hs 1",
            ])
        }
    }

    @Test func membersAreListedInRosterOrder() throws {
        let store = try databaseWithRoster(["anna", "bo", "cleo"])
        let groups = try store.database.write { writer in
            try writer.groups.create([(name: "A", members: ["@cleo:hs", "@anna:hs", "@bo:hs"])], at: fixedDate(1))
        }
        let members = try store.database.read { try $0.groups.members(ofGroup: groups[0].id) }
        #expect(members == ["@anna:hs", "@bo:hs", "@cleo:hs"].map { GroupMemberRecord(groupID: groups[0].id, userID: $0) })
    }

    @Test func aFormationWithAnUnknownOrRepeatedMemberChangesNothing() throws {
        let store = try databaseWithRoster(["anna", "bo"])
        let database = store.database
        let before = try database.write { try $0.groups.create([(name: "A", members: ["@anna:hs", "@bo:hs"])], at: fixedDate(1)) }

        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@zoe:hs")) {
            try database.write { try $0.groups.create([(name: "A", members: ["@anna:hs", "@zoe:hs"])], at: fixedDate(2)) }
        }
        #expect(throws: RosterStoreError.studentInTwoGroups(userID: "@anna:hs")) {
            try database.write { writer in
                try writer.groups.create([(name: "A", members: ["@anna:hs"]), (name: "B", members: ["@bo:hs", "@anna:hs"])], at: fixedDate(2))
            }
        }
        #expect(throws: RosterStoreError.invalidGroupName(name: "a")) {
            try database.write { try $0.groups.create([(name: "A", members: []), (name: "a", members: [])], at: fixedDate(2)) }
        }
        try database.read { reader throws in
            #expect(try reader.groups.active() == before)
            #expect(try reader.groups.pairCounts().map { $0.2 } == [1])
        }
    }

    @Test func activeGroupsAreFoundByNameIgnoringCase() throws {
        let store = try databaseWithRoster(["anna"])
        let database = store.database
        let old = try database.write { try $0.groups.create([(name: "Blå", members: [])], at: fixedDate(1)) }
        let new = try database.write { try $0.groups.create([(name: "Æble", members: []), (name: "blå", members: [])], at: fixedDate(2)) }
        try database.read { reader throws in
            #expect(try reader.groups.active(named: "BLÅ") == new[1])
            #expect(try reader.groups.active(named: "æBLE") == new[0])
            #expect(try reader.groups.active(named: "C") == nil)
            #expect(try reader.groups.find(id: old[0].id)?.isActive == false)
            #expect(try reader.groups.active().map(\.name) == ["blå", "Æble"])
        }
    }

    @Test func theSchemaAllowsOneActiveGroupPerNameIgnoringCase() throws {
        let store = try databaseWithRoster([])
        _ = try store.database.write { try $0.groups.create([(name: "A", members: [])], at: fixedDate(1)) }
        #expect(throws: DatabaseError.self) {
            try store.database.writer.write { db in
                try db.execute(sql: "INSERT INTO studyGroup (name, generation, createdAt) VALUES ('a', 1, ?)", arguments: [fixedDate(1)])
            }
        }
        // An archived group may share the name.
        try store.database.writer.write { db in
            try db.execute(sql: "INSERT INTO studyGroup (name, generation, createdAt, archivedAt) VALUES ('a', 1, ?, ?)",
                           arguments: [fixedDate(1), fixedDate(2)])
        }
    }

    @Test func removingAStudentTakesThemOutOfTheActiveGroupOnly() throws {
        let store = try databaseWithRoster(["anna", "bo", "cleo"])
        let database = store.database
        let old = try database.write { try $0.groups.create([(name: "A", members: ["@anna:hs", "@bo:hs"])], at: fixedDate(1)) }
        let new = try database.write { try $0.groups.create([(name: "A", members: ["@anna:hs", "@bo:hs", "@cleo:hs"])], at: fixedDate(2)) }
        _ = try database.write { try $0.roster.remove(userID: "@bo:hs") }
        try database.read { reader throws in
            #expect(try reader.groups.members(ofGroup: new[0].id).map(\.userID) == ["@anna:hs", "@cleo:hs"])
            // The archived group's membership is history and stays.
            #expect(try reader.groups.members(ofGroup: old[0].id).map(\.userID) == ["@anna:hs", "@bo:hs"])
            #expect(try reader.groups.active(ofStudent: "@bo:hs") == nil)
            #expect(try reader.groups.pairCounts().contains { $0.0 == "@anna:hs" && $0.1 == "@bo:hs" && $0.2 == 2 })
        }
    }
}
