import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct RoomTests {
    @Test(arguments: StoreFlavor.allCases)
    func thereIsOnlyOneSupervisorRoom(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor)) }

        #expect(throws: StoreError.supervisorRoomExists(existingRoomID: "!sup:hs")) {
            try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!other:hs", kind: .supervisor)) }
        }
        // Updating the same room is fine.
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: "en")) }
        #expect(try database.read { try $0.rooms.supervisor() } == RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: "en"))
        #expect(try database.read { try $0.rooms.all(kind: .supervisor) }.count == 1)
    }

    @Test func theSchemaItselfRefusesASecondSupervisorRoom() throws {
        let store = try TestStore(.inMemory)
        try store.database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor)) }
        #expect(throws: DatabaseError.self) {
            try store.database.writer.write { db in
                try db.execute(sql: "INSERT INTO room (roomID, kind) VALUES ('!two:hs', 'supervisor')")
            }
        }
    }

    @Test(arguments: StoreFlavor.allCases)
    func eachUserHasAtMostOneDirectRoom(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        let anna = RoomRecord(roomID: "!anna:hs", kind: .direct, userID: "@anna:hs", joinedAt: fixedDate(1))
        try database.write { try $0.rooms.upsert(anna) }

        #expect(throws: StoreError.directRoomExists(userID: "@anna:hs", existingRoomID: "!anna:hs")) {
            try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!anna2:hs", kind: .direct, userID: "@anna:hs")) }
        }
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!bo:hs", kind: .direct, userID: "@bo:hs")) }
        try store.database.read { reader throws in
            #expect(try reader.rooms.direct(userID: "@anna:hs") == anna)
            #expect(try reader.rooms.direct(userID: "@bo:hs")?.roomID == "!bo:hs")
            #expect(try reader.rooms.direct(userID: "@cleo:hs") == nil)
        }
        #expect(throws: DatabaseError.self) {
            try store.database.writer.write { db in
                try db.execute(sql: "INSERT INTO room (roomID, kind, userID) VALUES ('!x:hs', 'direct', '@bo:hs')")
            }
        }
    }

    @Test func roomsAreListedByKindInRegistrationOrder() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            for name in ["C", "A", "B"] {
                try writer.rooms.upsert(RoomRecord(roomID: "!group\(name):hs", kind: .group, groupName: name))
            }
            try writer.rooms.upsert(RoomRecord(roomID: "!inv:hs", kind: .invited, userID: "@sup:hs"))
            // Re-registering keeps the room's place.
            try writer.rooms.upsert(RoomRecord(roomID: "!groupC:hs", kind: .group, language: "en", groupName: "C"))
        }
        let groups = try database.read { try $0.rooms.all(kind: .group) }
        #expect(groups.map(\.groupName) == ["C", "A", "B"])
        #expect(groups[0].language == "en")
        #expect(try database.read { try $0.rooms.all(kind: .invited) }.map(\.roomID) == ["!inv:hs"])
    }

    @Test func languageCanBeSetAndRoomsRemoved() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor)) }
        let (known, unknown) = try database.write { writer in
            (try writer.rooms.setLanguage(roomID: "!sup:hs", language: "en"),
             try writer.rooms.setLanguage(roomID: "!nope:hs", language: "en"))
        }
        #expect(known && !unknown)
        #expect(try database.read { try $0.rooms.find(id: "!sup:hs") }?.language == "en")

        #expect(try database.write { try $0.rooms.remove(id: "!sup:hs") })
        #expect(try database.read { try $0.rooms.supervisor() } == nil)
        // With the old one gone, a new supervisor room may be registered.
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup2:hs", kind: .supervisor)) }
        #expect(try database.read { try $0.rooms.supervisor() }?.roomID == "!sup2:hs")
    }
}

@Suite struct RoomRefTests {
    @Test func aCreatedRoomIsFoundByItsReference() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.read { try $0.rooms.roomID(forRef: "ref:group:1") } == nil)
        try database.write { try $0.rooms.setRef("ref:group:1", roomID: "!new:hs") }
        try database.write { try $0.rooms.setRef("ref:group:1", roomID: "!new:hs") }
        #expect(try database.read { try $0.rooms.roomID(forRef: "ref:group:1") } == "!new:hs")
        #expect(throws: (any Error).self) { try database.write { try $0.rooms.setRef("group:2", roomID: "!x:hs") } }
    }
}

@Suite struct RoomCreationQueueTests {
    @Test func aQueuedCreationIsSeenUntilItIsDone() throws {
        let database = try AppDatabase.inMemory()
        let ref = OutboxAction.roomRef("direct:@anna:hs")
        #expect(try database.read { try $0.outbox.isCreationQueued(ref: ref) } == false)
        let item = try database.write { try $0.outbox.enqueue(.createRoom(ref: ref, requestJSON: "{}")) }
        #expect(try database.read { try $0.outbox.isCreationQueued(ref: ref) })
        try database.outbox.markSent(id: item.id, eventID: nil)
        #expect(try database.read { try $0.outbox.isCreationQueued(ref: ref) } == false)
    }
}
