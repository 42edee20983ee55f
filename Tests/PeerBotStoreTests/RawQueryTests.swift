import Foundation
import GRDB
import Testing
@testable import PeerBotStore

/// The reads a command makes go straight through SQLite (`RawQuery`); they must give what
/// GRDB's decoding gives, refuse what it refuses, and leave nothing running behind them.
@Suite struct RawQueryTests {
    @Test(arguments: StoreFlavor.allCases)
    func roomsReadRawAreTheRoomsGRDBReads(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let rooms = [
            RoomRecord(roomID: "!group:hs", kind: .group, language: "da", groupName: "Gruppe Ø", joinedAt: Date(timeIntervalSince1970: 1_764_000_000.123)),
            RoomRecord(roomID: "!direct:hs", kind: .direct, userID: "@åse:hs"),
        ]
        try store.database.write { writer throws in
            for room in rooms { try writer.rooms.upsert(room) }
        }
        try store.database.read { reader throws in
            for room in rooms {
                let raw = try reader.rooms.find(id: room.roomID)
                let decoded = try RoomRecord.fetchOne(reader.db, sql: "SELECT * FROM room WHERE roomID = ?", arguments: [room.roomID])
                #expect(raw == decoded)
                #expect(raw == room)
            }
            #expect(try reader.rooms.find(id: "!absent:hs") == nil)
        }
    }

    @Test func aStudentsGroupAndItsLatestRoundReadRawAsGRDBReadsThem() throws {
        let store = try TestStore(.inMemory)
        let planned = Date(timeIntervalSince1970: 1_764_000_000.5)
        let (group, number) = try store.database.write { writer throws in
            try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: planned)
            let group = try writer.groups.create([("Gruppe Æ", ["@anna:hs"])], at: planned)[0]
            try writer.groups.setRoom(groupID: group.id, roomID: "!g:hs")
            let session = try writer.sessions.plan(groupID: group.id, title: "Handover", startsAt: planned.addingTimeInterval(3600),
                                                   durationSeconds: 3600, plannedBy: "@sup:hs", at: planned)
            try writer.reflections.openRound(session: session.number, promptOutboxID: nil, at: planned.addingTimeInterval(7200),
                                             deadline: planned.addingTimeInterval(90000))
            return (group, session.number)
        }
        try store.database.read { reader throws in
            let active = try reader.groups.active(ofStudent: "@anna:hs")
            #expect(active == StudyGroupRecord(id: group.id, name: group.name, generation: group.generation, roomID: "!g:hs",
                                               createdAt: group.createdAt, archivedAt: nil))
            #expect(active?.name == "Gruppe Æ")
            #expect(try reader.groups.find(forRoom: "!g:hs") == StudyGroupRecord.fetchOne(reader.db, sql: "SELECT * FROM studyGroup WHERE roomID = '!g:hs'"))
            #expect(try reader.groups.active(ofStudent: "@nobody:hs") == nil)
            let round = try reader.reflections.latestRound(ofGroup: group.id)
            #expect(round == (try ReflectionRoundRecord.fetchOne(reader.db, sql: "SELECT * FROM reflectionRound WHERE sessionNumber = ?", arguments: [number])))
            #expect(round?.deadline == planned.addingTimeInterval(90000))
            #expect(try reader.roster.isStudent("@anna:hs"))
            #expect(try !reader.roster.isStudent("@nobody:hs"))
        }
    }

    @Test func textIsBoundWholeEmptyTextIsNotNullAndNilIsNull() throws {
        let store = try TestStore(.inMemory)
        try store.database.read { reader throws in
            let db = reader.db
            #expect(try RawQuery.first(db, "SELECT ?", [.text("a\u{0}b ✅")]) { try $0.text(0) } == "a\u{0}b ✅")
            #expect(try RawQuery.first(db, "SELECT ? IS NULL, length(?1)", [.text("")]) { [try $0.integer(0), try $0.integer(1)] } == [0, 0])
            #expect(try RawQuery.first(db, "SELECT ? IS NULL", [.text(nil as String?)]) { try $0.integer(0) } == 1)
            #expect(try RawQuery.first(db, "SELECT ?", [.integer(Int64.min)]) { try $0.integer(0) } == Int64.min)
        }
    }

    @Test func aValueOfTheWrongKindIsAStoreErrorNamingTheColumn() throws {
        let store = try TestStore(.inMemory)
        try store.database.read { reader throws in
            let db = reader.db
            for (sql, read) in [("SELECT NULL AS roomID", { (row: RawRow) in _ = try row.text(0) }),
                                ("SELECT 'x' AS id", { (row: RawRow) in _ = try row.integer(0) }),
                                ("SELECT 'yesterday' AS createdAt", { (row: RawRow) in _ = try row.date(0) })] {
                let error = #expect(throws: DatabaseError.self) { try RawQuery.first(db, sql, [], read: read) }
                #expect(error?.resultCode == .SQLITE_MISMATCH)
                #expect(error?.message?.contains(String(sql.split(separator: " ").last!)) == true, "\(String(describing: error))")
            }
            // The failed reads left their statements reset: the same statement reads again.
            #expect(try RawQuery.first(db, "SELECT 'x' AS id", []) { try $0.text(0) } == "x")
        }
    }

    @Test func aReadThatStopsAtItsFirstRowLeavesNoStatementRunning() throws {
        let store = try TestStore(.inMemory)
        try store.database.write { writer throws in
            let db = writer.db
            try db.execute(sql: "CREATE TABLE scratch (value INTEGER)")
            try db.execute(sql: "INSERT INTO scratch VALUES (1), (2), (3)")
            #expect(try RawQuery.first(db, "SELECT value FROM scratch ORDER BY value", []) { try $0.integer(0) } == 1)
            #expect(try RawQuery.all(db, "SELECT value FROM scratch WHERE value > ? ORDER BY value", [.integer(1)]) { try $0.integer(0) } == [2, 3])
            // SQLite refuses to drop a table a statement is still reading.
            try db.execute(sql: "DROP TABLE scratch")
        }
    }

    @Test func theEventSavepointStillWorksAfterGRDBForgetsItsStatements() throws {
        let store = try TestStore(.inMemory)
        try store.database.write { writer throws in
            try writer.savepoint { try writer.rooms.upsert(RoomRecord(roomID: "!kept:hs", kind: .group, groupName: "G")) }
            // A schema change empties GRDB's statement cache; the writer still holds its own.
            try writer.db.execute(sql: "CREATE TABLE scratch (value INTEGER)")
            writer.db.clearSchemaCache()
            #expect(throws: DeliberateFailure.self) {
                try writer.savepoint {
                    try writer.rooms.upsert(RoomRecord(roomID: "!undone:hs", kind: .group, groupName: "G"))
                    throw DeliberateFailure()
                }
            }
            try writer.savepoint { try writer.rooms.upsert(RoomRecord(roomID: "!later:hs", kind: .group, groupName: "G")) }
        }
        try store.database.read { reader throws in
            #expect(try reader.rooms.find(id: "!kept:hs") != nil)
            #expect(try reader.rooms.find(id: "!undone:hs") == nil)
            #expect(try reader.rooms.find(id: "!later:hs") != nil)
        }
    }
}
