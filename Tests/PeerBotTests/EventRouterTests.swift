import Foundation
import PeerLearning
import Logging
import MatrixClient
import PeerBotStore
import Testing
@testable import PeerBot

/// Builds sync batches the way Synapse shapes them.
struct SyncBuilder {
    var next = 0
    mutating func event(_ type: String = "m.room.message", sender: String, ts: Int64, content: JSONValue, stateKey: String? = nil) -> ClientEvent {
        next += 1
        return ClientEvent(type: type, sender: sender, eventID: "$e\(next)", originServerTS: ts, content: content, stateKey: stateKey)
    }
    mutating func text(_ body: String, from sender: String, ts: Int64, msgtype: String = "m.text") -> ClientEvent {
        event(sender: sender, ts: ts, content: ["msgtype": .string(msgtype), "body": .string(body)])
    }
    static func batch(_ token: String, join: [String: [ClientEvent]] = [:], invite: [String: InvitedRoom] = [:]) -> SyncResponse {
        SyncResponse(nextBatch: token, rooms: .init(join: join.mapValues { JoinedRoom(timeline: Timeline(events: $0)) }, invite: invite))
    }
}

@Suite struct EventRouting {
    static let bot = "@bot:hs", sup = "@sup:hs", student = "@anna:hs", room = "!room:hs"
    let database = try! AppDatabase.inMemory()
    let config = BotConfig(homeserver: "http://hs", userID: bot, accessToken: Secret("t"), supervisors: [sup], databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)

    func apply(_ sync: SyncResponse, first: Bool = false) throws -> BatchOutcome {
        try BatchIngestor(database: database).ingest(sync, firstSync: first, config: config)
    }

    func managedRoom(joinedAt: Int64 = 1_000) throws {
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: Date(timeIntervalSince1970: Double(joinedAt) / 1000))) }
    }

    func sentContents() throws -> [JSONValue] {
        try database.outbox.pending(limit: 1000).compactMap {
            if case .send(_, _, let json) = $0.action { return JSONValue.parse(json) }
            return nil
        }
    }

    @Test func aCommandIsAnsweredOnceInReplyWithItsMarks() throws {
        try managedRoom()
        var b = SyncBuilder()
        let help = b.text("!help", from: Self.student, ts: 2_000)
        let batch = SyncBuilder.batch("s1", join: [Self.room: [help]])
        _ = try apply(batch)
        _ = try apply(batch)
        let replies = try sentContents()
        #expect(replies.count == 1)
        #expect(replies[0]["peerbot.kind"] == "help")
        #expect(replies[0]["msgtype"] == "m.notice")
        #expect(replies[0]["m.mentions"] == nil, "an answer is a notice and names no one")
        #expect(replies[0]["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == help.eventID)
        #expect(try database.read { try $0.sync.token() } == "s1")
    }

    @Test func anEventTwiceInOneBatchIsAnsweredOnceAndBothAreRemembered() throws {
        try managedRoom()
        var b = SyncBuilder()
        let help = b.text("!help", from: Self.student, ts: 2_000)
        let chat = b.text("hello", from: Self.student, ts: 2_001)
        let outcome = try apply(SyncBuilder.batch("s1", join: [Self.room: [help, chat, help]]))
        #expect(outcome.handled == 1)
        #expect(try sentContents().count == 1)
        #expect(try database.read { try $0.sync.processed(among: [help.eventID, chat.eventID]) } == [help.eventID, chat.eventID])
    }

    @Test func theFirstSyncAnswersNoHistory() throws {
        try managedRoom()
        var b = SyncBuilder()
        _ = try apply(SyncBuilder.batch("s1", join: [Self.room: [b.text("!help", from: Self.student, ts: 2_000)]]), first: true)
        #expect(try sentContents().isEmpty)
        #expect(try database.read { try $0.sync.token() } == "s1")
    }

    @Test func ownMessagesNoticesAndPreJoinHistoryAreIgnored() throws {
        try managedRoom(joinedAt: 5_000)
        var b = SyncBuilder()
        let events = [
            b.text("!help", from: Self.student, ts: 4_000),
            b.text("!help", from: Self.bot, ts: 6_000),
            b.text("!help", from: Self.student, ts: 6_001, msgtype: "m.notice"),
            b.event(sender: Self.student, ts: 6_002, content: [:]),
        ]
        _ = try apply(SyncBuilder.batch("s1", join: [Self.room: events]))
        #expect(try sentContents().isEmpty)
    }

    @Test func unmanagedRoomsGetNoAnswer() throws {
        var b = SyncBuilder()
        _ = try apply(SyncBuilder.batch("s1", join: ["!other:hs": [b.text("!help", from: Self.sup, ts: 2_000)]]))
        #expect(try sentContents().isEmpty)
    }

    @Test func aStudentCannotUseSupervisorCommands() throws {
        try managedRoom()
        var b = SyncBuilder()
        _ = try apply(SyncBuilder.batch("s1", join: [Self.room: [b.text("!groups create", from: Self.student, ts: 2_000)]]))
        let reply = try #require(try sentContents().first)
        #expect(reply["peerbot.kind"] == "error")
        #expect(reply["peerbot.error"] == "forbidden")
    }

    @Test func languageSwitchAppliesToTheNextAnswer() throws {
        try managedRoom()
        var b = SyncBuilder()
        _ = try apply(SyncBuilder.batch("s1", join: [Self.room: [
            b.text("!hjælp", from: Self.student, ts: 2_000),
            b.text("!language en", from: Self.sup, ts: 2_001),
            b.text("!help", from: Self.student, ts: 2_002),
        ]]))
        let bodies = try sentContents().compactMap { $0["body"]?.stringValue }
        #expect(bodies.count == 3)
        #expect(try database.read { try $0.rooms.find(id: Self.room)?.language } == "en")
        #expect(bodies[0] != bodies[2])
        #expect(bodies[2].lowercased().contains("command"))
    }

    @Test func invitesAreAcceptedOnlyFromSupervisors() throws {
        let fromSupervisor = InvitedRoom(events: [StrippedStateEvent(type: "m.room.member", sender: Self.sup, stateKey: Self.bot, content: ["membership": "invite", "is_direct": true])])
        let fromStudent = InvitedRoom(events: [StrippedStateEvent(type: "m.room.member", sender: Self.student, stateKey: Self.bot, content: ["membership": "invite"])])
        _ = try apply(SyncBuilder.batch("s1", invite: ["!dm:hs": fromSupervisor, "!x:hs": fromStudent]), first: true)
        let actions = try database.outbox.pending(limit: 10).map(\.action)
        #expect(actions.contains(.join(roomID: "!dm:hs")))
        #expect(actions.contains(.leave(roomID: "!x:hs")))
        #expect(try database.read { try $0.rooms.direct(userID: Self.sup)?.roomID } == "!dm:hs")
        #expect(try database.read { try $0.rooms.find(id: "!x:hs") } == nil)
    }

    @Test func theBotsJoinEventOpensTheRoom() throws {
        try database.write { try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: nil)) }
        var b = SyncBuilder()
        let events = [
            b.text("!help", from: Self.sup, ts: 1_000),
            b.event("m.room.member", sender: Self.bot, ts: 2_000, content: ["membership": "join"], stateKey: Self.bot),
            b.text("!help", from: Self.sup, ts: 3_000),
        ]
        _ = try apply(SyncBuilder.batch("s1", join: [Self.room: events]))
        let replies = try sentContents()
        #expect(replies.count == 1)
        #expect(replies[0]["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == events[2].eventID)
    }
}
