import Foundation
import MatrixClient
@testable import PeerBotStore
import PeerLearning
import Synchronization
import Testing
@testable import PeerBot

/// The outbox never stalls: rooms do not wait on each other, failing rows back off and are set
/// aside with an alert, answers go ahead of bulk work, and room creation survives rate limits.
@Suite struct OutboxLanes {
    let fixture = OutboxFixture()

    init() throws {
        try fixture.database.write { writer in
            try writer.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
        }
    }

    func message(_ room: String, kind: String = "reply", body: String = "hej") -> OutboxAction {
        .send(roomID: room, eventType: "m.room.message", contentJSON: #"{"body":"\#(body)","peerbot.kind":"\#(kind)"}"#)
    }

    /// Bodies of the messages sent to the supervisor room, in order.
    func supervisorMessages() -> [JSONValue] {
        fixture.homeserver.requests.filter { ($0.url.removingPercentEncoding ?? "").contains("/rooms/!sup:hs/send/") }.compactMap {
            $0.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
        }
    }

    @Test func aRoomThatKeepsFailingHoldsBackOnlyItself() async throws {
        fixture.homeserver.on("/rooms/!down:hs/send/", status: 502, #"{"errcode":"M_UNKNOWN","error":"bad gateway"}"#)
        fixture.homeserver.on("/rooms/!ok:hs/send/", #"{"event_id":"$ok"}"#)
        let stuck = try fixture.enqueue(message("!down:hs"))
        let behindStuck = try fixture.enqueue(message("!down:hs"))
        let others = try (0..<3).map { _ in try fixture.enqueue(message("!ok:hs")) }
        try await fixture.drain(rounds: 10)
        for other in others { #expect(try fixture.item(other.id)?.state == .sent) }
        let waiting = try #require(try fixture.item(stuck.id))
        #expect(waiting.state == .pending)
        #expect(waiting.attempts >= 1)
        #expect(try #require(waiting.nextAttemptAt) > fixture.clock.now)
        // Order within the room holds: the second row was never tried before the first.
        #expect(try fixture.item(behindStuck.id)?.attempts == 0)
    }

    @Test func aRowFailingForADayIsSetAsideWithAnAlertAndTheRoomGoesOn() async throws {
        let down = Mutex(true)
        fixture.homeserver.on("/rooms/!g:hs/send/") { _ in
            down.withLock { $0 } ? TransportResponse(status: 503, body: Data(#"{"errcode":"M_UNKNOWN","error":"down"}"#.utf8))
                : TransportResponse(status: 200, body: Data(#"{"event_id":"$later"}"#.utf8))
        }
        fixture.homeserver.on("/rooms/!sup:hs/send/", #"{"event_id":"$alert"}"#)
        let first = try fixture.enqueue(message("!g:hs", kind: "goals"))
        try await fixture.drain(rounds: 400, until: fixture.clock.now + 23 * 3600)
        #expect(try fixture.item(first.id)?.state == .pending)
        try await fixture.drain(rounds: 400, until: fixture.clock.now + 2 * 3600)
        #expect(try fixture.item(first.id)?.state == .failed)
        let alert = try #require(supervisorMessages().last)
        #expect(alert["peerbot.kind"] == "alert")
        #expect(alert["body"]?.stringValue?.contains("!g:hs") == true)
        #expect(alert["body"]?.stringValue?.contains("goals") == true)
        down.withLock { $0 = false }
        let next = try fixture.enqueue(message("!g:hs"))
        try await fixture.drain()
        #expect(try fixture.item(next.id)?.state == .sent)
    }

    @Test func aTooLargeMessageIsNeverSilent() async throws {
        fixture.homeserver.on("/rooms/!g:hs/send/", status: 413, #"{"errcode":"M_TOO_LARGE","error":"event too large"}"#)
        fixture.homeserver.on("/rooms/!sup:hs/send/", #"{"event_id":"$alert"}"#)
        let big = try fixture.enqueue(message("!g:hs", kind: "summary"))
        try await fixture.drain()
        #expect(try fixture.item(big.id)?.state == .failed)
        let alert = try #require(supervisorMessages().first)
        #expect(alert["peerbot.kind"] == "alert")
        #expect(alert["body"]?.stringValue?.contains("larger than the homeserver accepts") == true)
    }

    @Test func aSummaryGivenUpIsNamedInItsAlertWithTheWayToGetItAgain() async throws {
        fixture.homeserver.on("/rooms/!elsewhere:hs/send/", status: 403, #"{"errcode":"M_FORBIDDEN","error":"not in room"}"#)
        fixture.homeserver.on("/rooms/!sup:hs/send/", #"{"event_id":"$alert"}"#)
        let summary = Texts(.en).summary.summary(SessionSummary(plan: SessionPlan(number: 5, group: "C", title: "Sepsis", start: fixture.clock.now, duration: 60),
                                                   facilitatorName: nil, members: []),
                                         names: [:], timeZone: .utc)
        let row = try fixture.database.write { try $0.enqueueMessage(summary.content(), to: "!elsewhere:hs") }
        try await fixture.drain()
        #expect(try fixture.item(row.id)?.state == .failed)
        let alert = try #require(supervisorMessages().last)
        #expect(alert["peerbot.kind"] == "alert")
        #expect(alert["body"]?.stringValue?.contains("The summary of session #5 (group C)") == true)
        #expect(alert["body"]?.stringValue?.contains("write !summary C 5 to get the summary again") == true)
    }

    @Test func anAlertThatFailsRaisesNoFurtherAlert() async throws {
        fixture.homeserver.on("/rooms/!sup:hs/send/", status: 403, #"{"errcode":"M_FORBIDDEN","error":"no"}"#)
        try fixture.enqueue(message("!sup:hs", kind: "alert"))
        try await fixture.drain()
        let counts = try fixture.database.read { try $0.outbox.counts() }
        #expect(counts.failed == 1 && counts.pending == 0)
    }

    @Test func anAnswerGoesAheadOfBulkWorkQueuedBeforeIt() async throws {
        fixture.homeserver.on("/send/", #"{"event_id":"$x"}"#)
        let before = try fixture.database.read { try $0.outbox.lastID() }
        for index in 0..<5 { try fixture.enqueue(message("!direct\(index):hs", kind: "welcome")) }
        try fixture.database.write { try $0.outbox.markBulk(after: before) }
        try fixture.enqueue(message("!sup:hs", kind: "help"))
        try await fixture.sender.sendNext()
        #expect(fixture.homeserver.requests.first?.url.removingPercentEncoding?.contains("/rooms/!sup:hs/") == true)
    }

    @Test func aRateLimitOnRoomCreationHoldsOnlyCreationsAndCostsNoSearch() async throws {
        let calls = Mutex(0)
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom") { _ in
            calls.withLock { count in
                count += 1
                return count == 1 ? TransportResponse(status: 429, body: Data(#"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":62500}"#.utf8))
                    : TransportResponse(status: 200, body: Data(#"{"room_id":"!made\#(count):hs"}"#.utf8))
            }
        }
        fixture.homeserver.on("/rooms/!sup:hs/send/", #"{"event_id":"$help"}"#)
        let create = try fixture.enqueue(.createRoom(ref: RoomRef.group(1).string, requestJSON: "{}"))
        let otherCreate = try fixture.enqueue(.createRoom(ref: RoomRef.group(2).string, requestJSON: "{}"))
        let help = try fixture.enqueue(message("!sup:hs", kind: "help"))
        try await fixture.drain(rounds: 3, until: fixture.clock.now + 1)
        #expect(try fixture.item(help.id)?.state == .sent)
        #expect(try fixture.item(create.id)?.creationUncertain == false)
        #expect(try fixture.item(create.id)?.attempts == 0)
        // The second creation was not tried into the same limit.
        #expect(fixture.homeserver.requests.filter { $0.url.hasSuffix("/createRoom") }.count == 1)
        try await fixture.drain()
        #expect(try fixture.item(create.id)?.state == .sent)
        #expect(try fixture.item(otherCreate.id)?.state == .sent)
        #expect(!fixture.homeserver.requests.contains { $0.url.hasSuffix("/joined_rooms") })
    }

    @Test func anUnreadableRowIsSetAsideAndTheRestFlows() async throws {
        fixture.homeserver.on("/send/", #"{"event_id":"$x"}"#)
        let broken = try fixture.enqueue(message("!a:hs"))
        // A date no reader understands: the row can no longer be decoded.
        try await fixture.database.writer.write { try $0.execute(sql: "UPDATE outbox SET createdAt = 'garbage' WHERE id = ?", arguments: [broken.id]) }
        let fine = try fixture.enqueue(message("!b:hs"))
        try await fixture.drain()
        #expect(try fixture.database.read { try $0.outbox.counts() }.failed == 1)
        #expect(try fixture.item(fine.id)?.state == .sent)
    }

    @Test func bulkWorkEditsOneProgressMessageToItsEnd() async throws {
        fixture.homeserver.on("/send/", #"{"event_id":"$progress"}"#)
        let before = try fixture.database.read { try $0.outbox.lastID() }
        for index in 0..<4 { try fixture.enqueue(message("!d\(index):hs", kind: "welcome")) }
        try fixture.database.write { [clock = fixture.clock] writer in
            let last = try writer.outbox.lastID()
            let progress = try writer.enqueueMessage(Texts(.en).delivery.bulkProgress(BulkProgress(done: 0, failed: 0, left: 4, creationsLeft: 0, elapsed: 0, secondsPerCreation: nil)).content(), to: "!sup:hs")
            try writer.outbox.startBatch(rows: before + 1, through: last, progressOutboxID: progress.id, roomID: "!sup:hs", language: .en, at: clock.now)
        }
        try await fixture.drain()
        let sent = supervisorMessages()
        #expect(sent.first?["peerbot.kind"] == "progress")
        let final = try #require(sent.last)
        #expect(final["m.relates_to"]?["rel_type"] == "m.replace")
        #expect(final["m.relates_to"]?["event_id"] == "$progress")
        #expect(final["m.new_content"]?["body"]?.stringValue?.hasPrefix("The group rooms are ready: 4 of 4") == true)
        // The progress message went ahead of the bulk rows queued before it.
        #expect(fixture.homeserver.requests.first?.url.removingPercentEncoding?.contains("/rooms/!sup:hs/") == true)
    }
}
