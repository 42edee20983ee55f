import Foundation
import Logging
import MatrixClient
import PeerBotStore
import Synchronization
import Testing
@testable import PeerBot

/// A homeserver stand-in that answers by method and path, and records every request.
final class ScriptedHomeserver: HTTPTransport {
    typealias Answer = @Sendable (TransportRequest) -> TransportResponse
    private let state = Mutex<(requests: [TransportRequest], rules: [(String, Answer)])>(([], []))

    /// Adds a rule: requests whose "METHOD path" contains `match` get `answer` (newest rule first).
    func on(_ match: String, _ answer: @escaping Answer) {
        state.withLock { $0.rules.insert((match, answer), at: 0) }
    }

    func on(_ match: String, status: Int = 200, _ body: String) {
        on(match) { _ in TransportResponse(status: status, body: Data(body.utf8)) }
    }

    var requests: [TransportRequest] { state.withLock { $0.requests } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let path = request.url.replacingOccurrences(of: "http://hs", with: "")
        let line = request.method + " " + (path.removingPercentEncoding ?? path)
        let answer = state.withLock { state -> Answer? in
            state.requests.append(request)
            return state.rules.first { line.contains($0.0) }?.1
        }
        guard let answer else { return TransportResponse(status: 404, body: Data(#"{"errcode":"M_NOT_FOUND","error":"unscripted"}"#.utf8)) }
        return answer(request)
    }
}

/// A clock the tests move by hand, so back-off and rate limits take no wall time.
final class TestClock: Sendable {
    private let value = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { value.withLock { $0 } }
    func advance(to date: Date) { value.withLock { $0 = max($0, date) } }
    func advance(by seconds: TimeInterval) { value.withLock { $0 += seconds } }
}

/// An outbox sender on an in-memory store, a scripted homeserver and a hand-moved clock.
struct OutboxFixture {
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()
    let clock = TestClock()
    let sender: OutboxSender

    init() {
        let clock = self.clock
        sender = OutboxSender(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver),
                              database: database, wakeup: Wakeup(), logger: Logger(label: "test"), botUserID: "@bot:hs",
                              now: { clock.now })
    }

    @discardableResult
    func enqueue(_ action: OutboxAction) throws -> OutboxItem {
        try database.write { try $0.outbox.enqueue(action, at: clock.now) }
    }

    func item(_ id: Int64) throws -> OutboxItem? { try database.read { try $0.outbox.item(id: id) } }

    /// Sends until nothing is pending, moving the clock to each next due time; at most `rounds` steps.
    func drain(rounds: Int = 200, until deadline: Date? = nil) async throws {
        for _ in 0..<rounds {
            if try await sender.sendNext() { continue }
            guard try database.read({ try $0.outbox.counts() }).pending > 0 else { return }
            let holds = sender.limits.withLock { $0.holds.values.filter { $0 > clock.now }.min() }
            guard let next = [try database.read { try $0.outbox.nextAttempt() }, holds].compactMap({ $0 }).min() else { return }
            if let deadline, next > deadline { return }
            clock.advance(to: next)
        }
    }
}

@Suite struct OutboxSending {
    let fixture = OutboxFixture()
    var database: AppDatabase { fixture.database }
    var homeserver: ScriptedHomeserver { fixture.homeserver }
    var sender: OutboxSender { fixture.sender }

    func enqueue(_ action: OutboxAction) throws -> OutboxItem { try fixture.enqueue(action) }

    func drain() async throws { try await fixture.drain() }

    @Test func aRateLimitedSendIsRetriedWithTheSameTransactionID() async throws {
        let limited = Mutex(true)
        homeserver.on("PUT /_matrix/client/v3/rooms/!r:hs/send/") { _ in
            limited.withLock { first in
                defer { first = false }
                return first
                    ? TransportResponse(status: 429, body: Data(#"{"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":20}"#.utf8))
                    : TransportResponse(status: 200, body: Data(#"{"event_id":"$sent"}"#.utf8))
            }
        }
        let item = try enqueue(.send(roomID: "!r:hs", eventType: "m.room.message", contentJSON: #"{"body":"hej"}"#))
        try await drain()
        let urls = homeserver.requests.map(\.url)
        #expect(urls.count == 2)
        #expect(urls[0] == urls[1])
        #expect(urls[0].hasSuffix("/" + MatrixClient.encode(item.txnID)))
        #expect(try database.read { try $0.outbox.item(id: item.id) }?.eventID == "$sent")
    }

    @Test func aRefusedActionIsKeptAsFailedAndTheNextOneGoes() async throws {
        homeserver.on("/rooms/!gone:hs/", status: 403, #"{"errcode":"M_FORBIDDEN","error":"not in room"}"#)
        homeserver.on("/rooms/!ok:hs/send/", #"{"event_id":"$ok"}"#)
        let refused = try enqueue(.send(roomID: "!gone:hs", eventType: "m.room.message", contentJSON: "{}"))
        let fine = try enqueue(.send(roomID: "!ok:hs", eventType: "m.room.message", contentJSON: "{}"))
        try await drain()
        #expect(try database.read { try $0.outbox.item(id: refused.id) }?.state == .failed)
        #expect(try database.read { try $0.outbox.item(id: fine.id) }?.state == .sent)
    }

    @Test func aRejectedTokenStopsTheBot() async throws {
        homeserver.on("/send/", status: 401, #"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token passed."}"#)
        let item = try enqueue(.send(roomID: "!r:hs", eventType: "m.room.message", contentJSON: "{}"))
        await #expect(throws: BotStop.self) { try await sender.sendNext() }
        #expect(try database.read { try $0.outbox.item(id: item.id) }?.state == .pending)
    }

    @Test func aCreatedRoomAndASentMessageAreNamedByLaterActions() async throws {
        homeserver.on("POST /_matrix/client/v3/createRoom", #"{"room_id":"!made:hs"}"#)
        homeserver.on("PUT /_matrix/client/v3/rooms/!made:hs/send/", #"{"event_id":"$goals"}"#)
        let ref = RoomRef.group(7).string
        _ = try enqueue(.createRoom(ref: ref, requestJSON: #"{"name":"Gruppe A"}"#))
        let goals = try enqueue(.send(roomID: ref, eventType: "m.room.message", contentJSON: #"{"body":"Mål"}"#))
        let edit = #"{"body":"* Mål","m.relates_to":{"rel_type":"m.replace","event_id":"\#(OutboxAction.eventRef(goals.id))"}}"#
        _ = try enqueue(.send(roomID: ref, eventType: "m.room.message", contentJSON: edit))
        try await drain()
        let sends = homeserver.requests.filter { $0.url.contains("/send/") }
        #expect(sends.count == 2)
        let sentEdit = try #require(sends.last?.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) })
        #expect(sentEdit["m.relates_to"]?["event_id"] == "$goals")
        #expect(try database.read { try $0.rooms.roomID(forRef: ref) } == "!made:hs")
    }

    @Test func aCreationThatMayHaveHappenedIsFoundInsteadOfRepeated() async throws {
        let ref = RoomRef.direct("@anna:hs").string
        homeserver.on("GET /_matrix/client/v3/joined_rooms", #"{"joined_rooms":["!other:hs","!earlier:hs"]}"#)
        homeserver.on("/rooms/!other:hs/state", Self.markerState(sender: "@bot:hs", #"{"kind":"supervisor"}"#))
        homeserver.on("/rooms/!earlier:hs/state", Self.markerState(sender: "@bot:hs", #"{"kind":"direct","ref":"\#(ref)"}"#))
        homeserver.on("GET /_matrix/client/v3/account/whoami", #"{"user_id":"@bot:hs"}"#)
        homeserver.on("/account_data/m.direct", #"{}"#)
        let item = try enqueue(.createRoom(ref: ref, requestJSON: "{}"))
        // The process died during an earlier attempt: the doubt was recorded before the call.
        try database.outbox.setCreationUncertain(id: item.id, true)
        try await drain()
        #expect(!homeserver.requests.contains { $0.url.hasSuffix("/createRoom") })
        #expect(try database.read { try $0.rooms.direct(userID: "@anna:hs")?.roomID } == "!earlier:hs")
    }

    /// A room's full state as `GET /rooms/{id}/state` gives it: a marker and the bot's membership.
    static func markerState(sender: String, _ content: String) -> String {
        #"[{"type":"org.peerbot.room","state_key":"","sender":"\#(sender)","event_id":"$m","origin_server_ts":1,"content":\#(content)},"#
            + #"{"type":"m.room.member","state_key":"@bot:hs","sender":"@bot:hs","event_id":"$j","origin_server_ts":1,"content":{"membership":"join"}}]"#
    }

    @Test func aForgedOrAlreadyRecordedMarkerIsNeverAdoptedAndTheOutboxFlows() async throws {
        let ref = RoomRef.direct("@bo:hs").string
        try database.write { writer in
            try writer.rooms.upsert(RoomRecord(roomID: "!annaDM:hs", kind: .direct, language: nil, groupName: nil, userID: "@anna:hs", joinedAt: Date()))
        }
        homeserver.on("GET /_matrix/client/v3/joined_rooms", #"{"joined_rooms":["!annaDM:hs","!forged:hs"]}"#)
        // Anna's own direct room carries a copy of the bot's marker naming Bo's room; so does a room she made.
        homeserver.on("/rooms/!annaDM:hs/state", Self.markerState(sender: "@bot:hs", #"{"kind":"direct","ref":"\#(ref)"}"#))
        homeserver.on("/rooms/!forged:hs/state", Self.markerState(sender: "@anna:hs", #"{"kind":"direct","ref":"\#(ref)"}"#))
        // A room whose state list holds junk is read as far as it goes, not fatal.
        homeserver.on("GET /_matrix/client/v3/joined_rooms", #"{"joined_rooms":["!annaDM:hs","!forged:hs","!junk:hs"]}"#)
        homeserver.on("/rooms/!junk:hs/state", #"[{"type":1},"x",{"type":"org.peerbot.room","state_key":"","sender":"@anna:hs","event_id":"$x","content":{"ref":"\#(ref)"}}]"#)
        homeserver.on("POST /_matrix/client/v3/createRoom", #"{"room_id":"!boDM:hs"}"#)
        homeserver.on("/account_data/m.direct", #"{}"#)
        homeserver.on("PUT /_matrix/client/v3/rooms/!boDM:hs/send/", #"{"event_id":"$welcome"}"#)
        let item = try enqueue(.createRoom(ref: ref, requestJSON: "{}"))
        try database.outbox.recordAttempt(id: item.id, error: "creating the room")
        let welcome = try enqueue(.send(roomID: ref, eventType: "m.room.message", contentJSON: #"{"body":"Velkommen"}"#))
        try await drain()
        #expect(homeserver.requests.contains { $0.url.hasSuffix("/createRoom") })
        #expect(try database.read { try $0.rooms.direct(userID: "@bo:hs")?.roomID } == "!boDM:hs")
        #expect(try database.read { try $0.rooms.direct(userID: "@anna:hs")?.roomID } == "!annaDM:hs")
        #expect(try database.read { try $0.outbox.item(id: welcome.id) }?.state == .sent)
    }
}
