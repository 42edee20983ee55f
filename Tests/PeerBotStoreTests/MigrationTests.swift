import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct MigrationTests {
    @Test(arguments: StoreFlavor.allCases)
    func openingCreatesTheSchema(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let (applied, tables) = try store.database.writer.read { db in
            let applied = try AppDatabase.migrator.appliedIdentifiers(db)
            let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            return (applied, tables)
        }
        #expect(applied == ["v1", "v2", "v3", "v4", "v5", "v6-guard", "v6-roster", "v6-assessment", "v6-outbox", "v6-device", "v7-goals-wait", "v8-faults", "v8-recv", "v8-structure", "v8-send", "v8-element", "v8-keyreq", "v9-crypto", "v9-aggregates", "v10-cryptspeed", "v11-recipients"])
        for table in ["syncPosition", "processedEvent", "outbox", "room", "setting", "jobRun", "jobFailure"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
    }

    @Test func aFreshDatabaseIsEmpty() throws {
        let database = try AppDatabase.inMemory()
        let (token, pending, counts) = try database.read { reader throws in
            (try reader.sync.token(), try reader.outbox.pending(limit: 10), try reader.outbox.counts())
        }
        #expect(token == nil)
        #expect(pending.isEmpty)
        #expect(counts == (0, 0, 0))
    }

    @Test func foreignKeysAndFullSyncAreOn() throws {
        let store = try TestStore(.filePool)
        let (foreignKeys, synchronous, journal) = try store.database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(foreignKeys == 1)
        #expect(synchronous == 2)  // FULL
        #expect(journal == "wal")
    }

    @Test func theSchemaRejectsOutboxContentThatIsNotAJSONObject() throws {
        let database = try AppDatabase.inMemory()
        for content in ["not json", "[1,2]", ""] {
            #expect(throws: DatabaseError.self) {
                try database.write { writer in
                    try writer.outbox.enqueue(.send(roomID: "!r:hs", eventType: "m.room.message", contentJSON: content))
                }
            }
        }
        #expect(try database.read { try $0.outbox.counts() } == (0, 0, 0))
    }

    @Test func theSchemaRejectsRoomsMissingWhatTheirKindNeeds() throws {
        let database = try AppDatabase.inMemory()
        let invalid = [
            RoomRecord(roomID: "!g:hs", kind: .group),  // a group room names its group
            RoomRecord(roomID: "!d:hs", kind: .direct),  // a direct room names its user
            RoomRecord(roomID: "!s:hs", kind: .supervisor, groupName: "A"),
            RoomRecord(roomID: "not-a-room", kind: .invited),
            RoomRecord(roomID: "!l:hs", kind: .invited, language: "Danish"),
        ]
        for room in invalid {
            #expect(throws: DatabaseError.self, "\(room)") {
                try database.write { try $0.rooms.upsert(room) }
            }
        }
        #expect(try database.read { try $0.rooms.all(kind: .invited) }.isEmpty)
    }
}
