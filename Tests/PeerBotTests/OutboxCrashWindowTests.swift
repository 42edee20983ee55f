import Foundation
import MatrixClient
@testable import PeerBotStore
import PeerLearning
import Synchronization
import Testing
@testable import PeerBot

/// The moments between the homeserver's answer and the bot's bookkeeping: a process killed in
/// one of them must, after its restart, neither make a room twice, nor lose a room's `m.direct`
/// entry, a give-up alert, or the last edit of a progress message.
@Suite struct OutboxCrashWindows {
    let fixture = OutboxFixture()

    init() throws {
        try fixture.database.write { writer in
            try writer.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
        }
    }

    func creationCalls() -> Int { fixture.homeserver.requests.filter { $0.url.hasSuffix("/createRoom") }.count }

    @Test func aRoomRecordedBeforeTheKillIsNotMadeAgain() async throws {
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom", #"{"room_id":"!second:hs"}"#)
        fixture.homeserver.on("GET /_matrix/client/v3/joined_rooms", #"{"joined_rooms":["!first:hs"]}"#)
        fixture.homeserver.on("/rooms/!first:hs/send/", #"{"event_id":"$welcome"}"#)
        let group = try fixture.database.write { writer in
            try writer.roster.upsert(userID: "@anna:hs", name: "Anna", attributes: [:], at: Date())
            return try writer.groups.create([("A", ["@anna:hs"])], at: Date())[0]
        }
        let ref = RoomRef.group(group.id).string
        let create = try fixture.enqueue(.createRoom(ref: ref, requestJSON: "{}"))
        let welcome = try fixture.enqueue(.send(roomID: ref, eventType: "m.room.message", contentJSON: #"{"body":"Velkommen"}"#))
        // The earlier run made the room and recorded it, and was killed before the row was marked sent.
        try fixture.database.outbox.setCreationUncertain(id: create.id, true)
        try fixture.database.write { writer in
            try writer.rooms.setRef(ref, roomID: "!first:hs")
            try RoomRefs.register(ref: ref, roomID: "!first:hs", writer: writer)
        }
        try await fixture.drain()
        #expect(creationCalls() == 0)
        #expect(try fixture.item(create.id)?.state == .sent)
        #expect(try fixture.database.read { try $0.groups.find(id: group.id)?.roomID } == "!first:hs")
        #expect(try fixture.item(welcome.id)?.state == .sent)
    }

    @Test func aDirectRoomRecordedBeforeTheKillStillGetsItsDirectEntry() async throws {
        let ref = RoomRef.direct("@anna:hs").string
        let stored = Mutex<JSONValue?>(nil)
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom", #"{"room_id":"!second:hs"}"#)
        fixture.homeserver.on("GET /_matrix/client/v3/user/@bot:hs/account_data/m.direct", #"{}"#)
        fixture.homeserver.on("PUT /_matrix/client/v3/user/@bot:hs/account_data/m.direct") { request in
            stored.withLock { $0 = request.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) } }
            return TransportResponse(status: 200, body: Data("{}".utf8))
        }
        let create = try fixture.enqueue(.createRoom(ref: ref, requestJSON: "{}"))
        try fixture.database.outbox.setCreationUncertain(id: create.id, true)
        try fixture.database.write { writer in
            try writer.rooms.setRef(ref, roomID: "!first:hs")
            try RoomRefs.register(ref: ref, roomID: "!first:hs", writer: writer)
        }
        try await fixture.drain()
        #expect(creationCalls() == 0)
        #expect(try fixture.item(create.id)?.state == .sent)
        #expect(stored.withLock { $0 }?["@anna:hs"] == [.string("!first:hs")])
    }

    @Test func aBatchWhoseLastRowWasSentBeforeTheKillStillReachesItsEnd() async throws {
        fixture.homeserver.on("/send/", #"{"event_id":"$progress"}"#)
        let before = try fixture.database.read { try $0.outbox.lastID() }
        let rows = try (0..<2).map { _ in try fixture.enqueue(.send(roomID: "!d:hs", eventType: "m.room.message", contentJSON: #"{"body":"hej"}"#)) }
        let progress = try fixture.database.write { [clock = fixture.clock] writer in
            let last = try writer.outbox.lastID()
            let message = try writer.enqueueMessage(
                Texts(.en).delivery.bulkProgress(BulkProgress(done: 0, failed: 0, left: 2, creationsLeft: 0, elapsed: 0, secondsPerCreation: nil)).content(),
                to: "!sup:hs")
            try writer.outbox.startBatch(rows: before + 1, through: last, progressOutboxID: message.id, roomID: "!sup:hs", language: .en, at: clock.now)
            return message
        }
        try fixture.database.outbox.markSent(id: progress.id, eventID: "$progress")
        // Both rows were confirmed; the process died before the progress message was edited.
        for row in rows { try fixture.database.outbox.markSent(id: row.id, eventID: "$w\(row.id)") }
        try fixture.sender.finishSettledBatches()
        try await fixture.drain()
        let edits = fixture.homeserver.requests.filter { ($0.url.removingPercentEncoding ?? "").contains("/rooms/!sup:hs/send/") }
            .compactMap { $0.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) } }
        #expect(edits.count == 1)
        #expect(edits.first?["m.new_content"]?["body"]?.stringValue?.hasPrefix("The group rooms are ready: 2 of 2") == true)
        #expect(try fixture.database.read { try $0.outbox.openBatch(containing: rows[0].id) } == nil)
    }

    /// A process killed during a createRoom call: the homeserver may still be making the room, so
    /// the row is not tried again (and the room not searched for) before the call's timeout.
    @Test func aCreationCutShortWaitsOutTheCallBeforeItIsLookedForOrMadeAgain() async throws {
        let ref = RoomRef.direct("@anna:hs").string
        let create = try fixture.enqueue(.createRoom(ref: ref, requestJSON: "{}"))
        let (database, clock) = (fixture.database, fixture.clock)
        let heldUntil = Mutex<Date?>(nil)
        // The answer never reaches the bot (it was killed): what the call leaves on the row is what a restart finds.
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom") { _ in
            heldUntil.withLock { $0 = try? database.read { try $0.outbox.item(id: create.id) }?.nextAttemptAt }
            return TransportResponse(status: 502, body: Data("{}".utf8))
        }
        _ = try await fixture.sender.sendNext()
        let held = try #require(heldUntil.withLock { $0 })
        #expect(held >= clock.now.addingTimeInterval(30), "held until \(held), the call began at \(clock.now)")
        #expect(try fixture.item(create.id)?.creationUncertain == true)
    }
}


/// A createRoom call the homeserver does not answer (a timeout, a proxy's 5xx) may still make
/// the room: the bot waits long for the answer, and looks for the room only after any call the
/// homeserver still works on must have ended, so a slow homeserver never gets two rooms.
@Suite struct UnansweredRoomCreation {
    let fixture = OutboxFixture()

    @Test func theCallWaitsLongForItsAnswer() async throws {
        let timeout = Mutex<Duration?>(nil)
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom") { request in
            timeout.withLock { $0 = request.timeout }
            return TransportResponse(status: 200, body: Data(#"{"room_id":"!made:hs"}"#.utf8))
        }
        fixture.homeserver.on("GET /_matrix/client/v3/user/@bot:hs/account_data/m.direct", #"{}"#)
        fixture.homeserver.on("PUT /_matrix/client/v3/user/@bot:hs/account_data/m.direct", #"{}"#)
        _ = try fixture.enqueue(.createRoom(ref: RoomRef.direct("@anna:hs").string, requestJSON: "{}"))
        _ = try await fixture.sender.sendNext()
        let waited = try #require(timeout.withLock { $0 })
        #expect(waited >= .seconds(120), "a room creation may wait \(waited) for its answer")
    }

    @Test func anUnansweredCreationIsLookedForOnlyAfterTheHomeserverMustHaveFinished() async throws {
        let ref = RoomRef.direct("@anna:hs").string
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom") { _ in TransportResponse(status: 504, body: Data("{}".utf8)) }
        let create = try fixture.enqueue(.createRoom(ref: ref, requestJSON: "{}"))
        let began = fixture.clock.now
        _ = try await fixture.sender.sendNext()
        let row = try #require(try fixture.item(create.id))
        #expect(row.state == .pending)
        #expect(row.creationUncertain)
        let next = try #require(row.nextAttemptAt)
        #expect(next >= began.addingTimeInterval(120), "tried again at \(next), the call began at \(began)")
    }

    @Test func aRefusedCreationIsTriedAgainAfterItsUsualWait() async throws {
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom") { _ in
            TransportResponse(status: 400, body: Data(#"{"errcode":"M_UNKNOWN","error":"no"}"#.utf8))
        }
        let create = try fixture.enqueue(.createRoom(ref: RoomRef.direct("@anna:hs").string, requestJSON: "{}"))
        let began = fixture.clock.now
        _ = try await fixture.sender.sendNext()
        let row = try #require(try fixture.item(create.id))
        #expect(!row.creationUncertain, "a refusal proves no room was made")
        if row.state == .pending, let next = row.nextAttemptAt { #expect(next < began.addingTimeInterval(120)) }
    }
}
