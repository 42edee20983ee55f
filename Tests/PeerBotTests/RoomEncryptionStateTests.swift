import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Rooms' encryption as sync shows it, and what the outbox does with it.
@Suite struct RoomEncryptionStateTracking {
    let database = try! AppDatabase.inMemory()

    func event(_ type: String, stateKey: String?, content: JSONValue, sender: String = "@sup:hs", id: String = UUID().uuidString) -> ClientEvent {
        ClientEvent(type: type, sender: sender, eventID: "$" + id, originServerTS: 1, content: content, stateKey: stateKey)
    }

    func member(_ user: String, _ membership: String) -> ClientEvent {
        event("m.room.member", stateKey: user, content: ["membership": .string(membership)], sender: user)
    }

    func sync(_ rooms: [String: JoinedRoom], changed: [String] = [], left: [String] = []) -> SyncResponse {
        var sync = SyncResponse(nextBatch: "n", rooms: .init(join: rooms))
        sync.encryption.deviceLists = DeviceLists(changed: changed, left: left)
        return sync
    }

    func apply(_ sync: SyncResponse) throws {
        let facts = RoomEncryptionFacts.read(sync)
        try database.write { try facts.apply(botUserID: "@bot:hs", writer: $0, at: Date()) }
    }

    @Test func aRoomThatBecomesEncryptedInItsTimelineIsKnownEncryptedWithItsRotationLimits() throws {
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [member("@anna:hs", "join")]))]))
        #expect(try database.read { try $0.devices.roomEncryption("!g:hs") } == nil)
        let encryption = event("m.room.encryption", stateKey: "", content: [
            "algorithm": "m.megolm.v1.aes-sha2", "rotation_period_ms": 3_600_000, "rotation_period_msgs": 20])
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [encryption, member("@bo:hs", "invite")]))]))
        let state = try #require(try database.read { try $0.devices.roomEncryption("!g:hs") })
        #expect(state.algorithm == "m.megolm.v1.aes-sha2")
        #expect(state.rotationPeriodMs == 3_600_000 && state.rotationPeriodMsgs == 20)
        // The invitee after the encryption event counts as a member, and their devices will be asked for.
        #expect(try database.read { try $0.devices.encryptedRoomMembers("!g:hs") } == ["@bo:hs": "invite"])
        #expect(try database.read { try $0.devices.trackedUser("@bo:hs") }?.outdated == true)
    }

    @Test func aRedactedOrEmptyEncryptionEventNeverMakesTheRoomPlainAgain() throws {
        let real = event("m.room.encryption", stateKey: "", content: ["algorithm": "m.megolm.v1.aes-sha2"])
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [real]))]))
        let emptied = event("m.room.encryption", stateKey: "", content: [:])
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [emptied]), state: [emptied])]))
        try database.write { try $0.devices.setRoomPlain("!g:hs", at: Date()) }
        #expect(try database.read { try $0.devices.roomEncryption("!g:hs") }?.isEncrypted == true)
    }

    @Test func aMemberLeavingEndsTheRoomsOutboundSession() throws {
        let encryption = event("m.room.encryption", stateKey: "", content: ["algorithm": "m.megolm.v1.aes-sha2"])
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [encryption, member("@anna:hs", "join"), member("@bo:hs", "join")]))]))
        try database.write { try $0.keys.replaceOutboundSession(roomID: "!g:hs", sessionID: "S1", pickle: "p", at: Date()) }
        // A join of someone else keeps the session: the newcomer is given its key.
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [member("@cy:hs", "join")]))]))
        #expect(try database.read { try $0.keys.outboundSession(roomID: "!g:hs") }?.sessionID == "S1")
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [member("@bo:hs", "leave")]))]))
        #expect(try database.read { try $0.keys.outboundSession(roomID: "!g:hs") } == nil)
        #expect(try database.read { try $0.devices.encryptedRoomMembers("!g:hs") }.keys.sorted() == ["@anna:hs", "@cy:hs"])
    }

    @Test func changedDeviceListsAreMarkedForAQueryAndTheBotsOwnAreNot() throws {
        try database.write { try $0.devices.saveDeviceList(userID: "@anna:hs", masterKey: nil, selfSigningKey: nil, devices: [], at: Date()) }
        #expect(try database.read { try $0.devices.trackedUser("@anna:hs") }?.outdated == false)
        try apply(sync([:], changed: ["@anna:hs", "@bot:hs", "not a user"]))
        #expect(try database.read { try $0.devices.trackedUser("@anna:hs") }?.outdated == true)
        #expect(try database.read { try $0.devices.trackedUser("@bot:hs") } == nil)
    }

    @Test func withoutAPickleKeyTheOutboxRefusesAKnownEncryptedRoomAndTellsTheSupervisors() async throws {
        let fixture = OutboxFixture()
        fixture.homeserver.on("/send/", #"{"event_id":"$x"}"#)
        try fixture.database.write { writer in
            try writer.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor))
            try writer.devices.setRoomEncrypted("!g:hs", algorithm: "m.megolm.v1.aes-sha2", rotationPeriodMs: nil, rotationPeriodMsgs: nil, at: Date())
        }
        let item = try fixture.enqueue(.send(roomID: "!g:hs", eventType: "m.room.message", contentJSON: #"{"body":"hemmeligt"}"#))
        try await fixture.drain()
        #expect(try fixture.item(item.id)?.state == .failed)
        let sent = fixture.homeserver.requests.filter { $0.url.contains("/send/") }
        #expect(!sent.contains { $0.url.contains(MatrixClient.encode("!g:hs")) })
        // The alert goes to the (plain) supervisor room, naming why.
        let alert = try #require(sent.first { $0.url.contains(MatrixClient.encode("!sup:hs")) })
        #expect(String(decoding: alert.body ?? Data(), as: UTF8.self).contains("pickle_key_file"))
    }

    @Test func encryptRoomsMakesDirectAndGroupRoomsEncryptedFromTheStart() throws {
        func algorithm(_ request: JSONValue) -> String? {
            request["initial_state"]?.arrayValue?.first { $0["type"] == "m.room.encryption" }?["content"]?["algorithm"]?.stringValue
        }
        var config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        #expect(algorithm(RoomRequests.group(name: "A", topic: "t", students: [], config: config, ref: "ref:g")) == nil)
        #expect(algorithm(RoomRequests.direct(userID: "@anna:hs", name: "p", ref: "ref:d")) == nil)
        config.encryptRooms = true
        #expect(algorithm(RoomRequests.group(name: "A", topic: "t", students: [], config: config, ref: "ref:g")) == "m.megolm.v1.aes-sha2")
        #expect(algorithm(RoomRequests.direct(userID: "@anna:hs", name: "p", ref: "ref:d", encrypted: true)) == "m.megolm.v1.aes-sha2")
        // The outbox records a room it created from its own request, so its first message needs no lookup.
        let database = self.database
        try database.write { writer in
            try OutboxSender.noteEncryption(ofCreated: "!new:hs", request: RoomRequests.direct(userID: "@a:hs", name: "p", ref: "r", encrypted: true), writer: writer)
            try OutboxSender.noteEncryption(ofCreated: "!plain:hs", request: RoomRequests.direct(userID: "@a:hs", name: "p", ref: "r"), writer: writer)
        }
        #expect(try database.read { try $0.devices.roomEncryption("!new:hs") }?.isEncrypted == true)
        #expect(try database.read { try $0.devices.roomEncryption("!plain:hs") }?.isEncrypted == false)
    }
}

@Suite struct EncryptRoomsConfig {
    @Test func encryptRoomsWithoutAPickleKeyIsOneProblemNamingTheKey() {
        let yaml = """
            homeserver: https://matrix.example.org
            user_id: "@peerbot:example.org"
            supervisors: ["@sup:example.org"]
            encrypt_rooms: true

            """
        do {
            _ = try ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_x"]).parse(yaml, file: "/x/peerbot.yaml")
            Issue.record("accepted encrypt_rooms without pickle_key_file")
        } catch {
            #expect(error.problems.map(\.key) == ["encrypt_rooms"])
            #expect(error.problems.first?.message.contains("pickle_key_file") == true)
        }
    }
}

extension RoomEncryptionStateTracking {
    @Test func aCutTimelineMakesTheMemberListBeReadAgain() throws {
        let encryption = event("m.room.encryption", stateKey: "", content: ["algorithm": "m.megolm.v1.aes-sha2"])
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [encryption]))]))
        try database.write { try $0.devices.replaceEncryptedRoomMembers("!g:hs", members: ["@anna:hs": "join"]) }
        #expect(try database.read { try $0.devices.roomEncryption("!g:hs") }?.membersLoaded == true)
        try apply(sync(["!g:hs": JoinedRoom(timeline: Timeline(events: [], limited: true, prevBatch: "p"))]))
        #expect(try database.read { try $0.devices.roomEncryption("!g:hs") }?.membersLoaded == false)
    }
}
