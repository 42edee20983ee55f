import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct GroupMemberTests {
    /// Groups A (anna, bo) and B (cleo) of the first formation; dan is on the roster only.
    func formedGroups() throws -> (TestStore, a: StudyGroupRecord, b: StudyGroupRecord) {
        let store = try databaseWithRoster(["anna", "bo", "cleo", "dan"])
        let groups = try store.database.write { writer in
            try writer.groups.create(
                [(name: "A", members: ["@anna:hs", "@bo:hs"]), (name: "B", members: ["@cleo:hs"])], at: fixedDate(1))
        }
        return (store, groups[0], groups[1])
    }

    @Test func joiningIsRecordedOnceAndOnlyForMembers() throws {
        let (store, a, _) = try formedGroups()
        let answers = try store.database.write { writer in
            [
                try writer.groups.markMemberJoined(groupID: a.id, userID: "@anna:hs", at: fixedDate(10)),
                try writer.groups.markMemberJoined(groupID: a.id, userID: "@anna:hs", at: fixedDate(20)),
                try writer.groups.markMemberJoined(groupID: a.id, userID: "@cleo:hs", at: fixedDate(20)),
            ]
        }
        #expect(answers == [true, false, false])
        let members = try store.database.read { try $0.groups.members(ofGroup: a.id) }
        #expect(members.map(\.joinedRoomAt) == [fixedDate(10), nil])
    }

    @Test func aMissingMemberIsReportedWithTheFirstReportsTime() throws {
        let (store, a, _) = try formedGroups()
        try store.database.write { writer in
            try writer.groups.markMemberReported(groupID: a.id, userID: "@bo:hs", at: fixedDate(30))
            try writer.groups.markMemberReported(groupID: a.id, userID: "@bo:hs", at: fixedDate(40))
        }
        #expect(throws: RosterStoreError.notAMember(groupID: a.id, userID: "@dan:hs")) {
            try store.database.write { try $0.groups.markMemberReported(groupID: a.id, userID: "@dan:hs", at: fixedDate(30)) }
        }
        let members = try store.database.read { try $0.groups.members(ofGroup: a.id) }
        #expect(members.map(\.reportedMissingAt) == [nil, fixedDate(30)])
    }

    @Test func movingAStudentStartsTheirOnboardingAfresh() throws {
        let (store, a, b) = try formedGroups()
        let database = store.database
        try database.write { writer in
            try writer.groups.markMemberJoined(groupID: a.id, userID: "@bo:hs", at: fixedDate(10))
            try writer.groups.markMemberReported(groupID: a.id, userID: "@bo:hs", at: fixedDate(11))
            try writer.groups.moveStudent("@bo:hs", toGroup: b.id)
            // Someone not yet in any group is put in one.
            try writer.groups.moveStudent("@dan:hs", toGroup: a.id)
        }
        try database.read { reader throws in
            #expect(try reader.groups.members(ofGroup: a.id) == [
                GroupMemberRecord(groupID: a.id, userID: "@anna:hs"), GroupMemberRecord(groupID: a.id, userID: "@dan:hs"),
            ])
            #expect(try reader.groups.members(ofGroup: b.id) == [
                GroupMemberRecord(groupID: b.id, userID: "@bo:hs"), GroupMemberRecord(groupID: b.id, userID: "@cleo:hs"),
            ])
            #expect(try reader.groups.active(ofStudent: "@bo:hs")?.name == "B")
        }
    }

    @Test func movingIsOnlyIntoActiveGroupsAndOnlyForStudents() throws {
        let (store, a, _) = try formedGroups()
        let database = store.database
        let next = try database.write { try $0.groups.create([(name: "C", members: ["@anna:hs"])], at: fixedDate(50)) }
        #expect(throws: RosterStoreError.groupArchived(id: a.id)) {
            try database.write { try $0.groups.moveStudent("@bo:hs", toGroup: a.id) }
        }
        #expect(throws: RosterStoreError.groupNotFound(id: 999)) {
            try database.write { try $0.groups.moveStudent("@bo:hs", toGroup: 999) }
        }
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@zoe:hs")) {
            try database.write { try $0.groups.moveStudent("@zoe:hs", toGroup: next[0].id) }
        }
        // Into their own group: nothing changes, not even the join time.
        try database.write { writer in
            try writer.groups.markMemberJoined(groupID: next[0].id, userID: "@anna:hs", at: fixedDate(60))
            try writer.groups.moveStudent("@anna:hs", toGroup: next[0].id)
        }
        #expect(try database.read { try $0.groups.members(ofGroup: next[0].id) }.map(\.joinedRoomAt) == [fixedDate(60)])
    }

    @Test func theSchemaKeepsAStudentInOneGroupPerFormation() throws {
        let (store, _, b) = try formedGroups()
        #expect(throws: DatabaseError.self) {
            try store.database.writer.write { db in
                try db.execute(sql: "INSERT INTO groupMember (groupID, userID, generation) VALUES (?, '@anna:hs', 1)", arguments: [b.id])
            }
        }
        // Nor can a membership claim another formation than its group's.
        #expect(throws: DatabaseError.self) {
            try store.database.writer.write { db in
                try db.execute(sql: "INSERT INTO groupMember (groupID, userID, generation) VALUES (?, '@anna:hs', 2)", arguments: [b.id])
            }
        }
        #expect(try store.database.read { try $0.groups.active(ofStudent: "@anna:hs") }?.name == "A")
    }

    @Test func aGroupRoomIsRecordedAndFoundAcrossFormations() throws {
        let (store, a, b) = try formedGroups()
        let database = store.database
        try database.write { try $0.groups.setRoom(groupID: a.id, roomID: "!a:hs") }
        #expect(throws: RosterStoreError.roomUsedByAnotherGroup(roomID: "!a:hs", groupID: a.id)) {
            try database.write { try $0.groups.setRoom(groupID: b.id, roomID: "!a:hs") }
        }
        #expect(throws: RosterStoreError.groupNotFound(id: 999)) {
            try database.write { try $0.groups.setRoom(groupID: 999, roomID: "!z:hs") }
        }
        _ = try database.write { try $0.groups.create([(name: "A", members: [])], at: fixedDate(5)) }
        try database.read { reader throws in
            #expect(try reader.groups.find(forRoom: "!a:hs")?.id == a.id)
            #expect(try reader.groups.find(forRoom: "!a:hs")?.isActive == false)
            #expect(try reader.groups.find(forRoom: "!b:hs") == nil)
        }
    }
}
