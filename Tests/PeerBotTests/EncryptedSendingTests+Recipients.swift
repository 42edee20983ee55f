import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

// A room where everyone holds the key sends without re-reading its members and devices, and
// any change to who may read it is still seen before the next message.
extension EncryptedSendingMembers {
    /// Sends each text in turn through `sender`.
    func send(_ texts: [String], with sender: OutboxSender) async throws {
        for text in texts {
            _ = try room.message(text)
            try await room.drain(sender)
        }
    }

    func apply(_ sync: SyncResponse) throws {
        let facts = RoomEncryptionFacts.read(sync)
        try room.database.write { try facts.apply(botUserID: "@bot:hs", writer: $0, at: Date()) }
    }

    func skipped(_ sender: OutboxSender) async throws -> Int { try await #require(sender.encryptor).sharesSkipped }

    @Test func onceEveryoneHasTheKeyTheNextMessagesGoOutWithoutTheLookUps() async throws {
        let sender = room.sender()
        try await send(["en", "to", "tre", "fire"], with: sender)
        // The first message shares the key, the second finds nobody left, the last two skip the look-ups.
        #expect(try await skipped(sender) == 2)
        try room.deliver(to: anna)
        try room.deliver(to: bo)
        let events = room.bodies("/rooms/!g:hs/send/")
        #expect(try events.map { try anna.read($0)?.event["content"]?["body"]?.stringValue } == ["en", "to", "tre", "fire"])
        #expect(try events.map { try bo.read($0)?.event["content"]?["body"]?.stringValue } == ["en", "to", "tre", "fire"])
        #expect(room.bodies("/keys/query").count == 1 && room.bodies("/sendToDevice/").count == 1)
    }

    @Test func aNewDeviceReportedAfterTheLookUpsStoppedStillGetsTheKey() async throws {
        let sender = room.sender()
        try await send(["en", "to", "tre"], with: sender)
        #expect(try await skipped(sender) == 1)
        let tablet = MemberDevice(userID: "@anna:hs", deviceID: "ANNATABLET")
        room.add(tablet)
        var sync = SyncResponse(nextBatch: "n")
        sync.encryption.deviceLists = DeviceLists(changed: ["@anna:hs"])
        try apply(sync)
        try await send(["fire"], with: sender)
        try room.deliver(to: tablet)
        #expect(try tablet.read(room.bodies("/rooms/!g:hs/send/").last!)?.event["content"]?["body"] == "fire")
        #expect(try await skipped(sender) == 1)
    }

    @Test func aMemberWhoJoinsAfterTheLookUpsStoppedStillGetsTheKey() async throws {
        let sender = room.sender()
        try await send(["en", "to", "tre"], with: sender)
        let cy = MemberDevice(userID: "@cy:hs", deviceID: "CYPHONE")
        room.add(cy)
        let join = ClientEvent(type: "m.room.member", sender: "@cy:hs", eventID: "$cy", originServerTS: 1,
                               content: ["membership": "join"], stateKey: "@cy:hs")
        try apply(SyncResponse(nextBatch: "n", rooms: .init(join: ["!g:hs": JoinedRoom(timeline: Timeline(events: [join]))])))
        try await send(["velkommen"], with: sender)
        try room.deliver(to: cy)
        #expect(try cy.read(room.bodies("/rooms/!g:hs/send/").last!)?.event["content"]?["body"] == "velkommen")
    }

    @Test func aMemberWhoLeavesAfterTheLookUpsStoppedCannotReadTheNextMessage() async throws {
        let sender = room.sender()
        try await send(["en", "to", "tre"], with: sender)
        room.removeMember("@bo:hs")
        let leave = ClientEvent(type: "m.room.member", sender: "@bot:hs", eventID: "$k", originServerTS: 1,
                                content: ["membership": "leave"], stateKey: "@bo:hs")
        try apply(SyncResponse(nextBatch: "n", rooms: .init(join: ["!g:hs": JoinedRoom(timeline: Timeline(events: [leave]))])))
        try await send(["uden Bo"], with: sender)
        try room.deliver(to: anna)
        try room.deliver(to: bo)
        let last = try #require(room.bodies("/rooms/!g:hs/send/").last)
        #expect(try anna.read(last)?.event["content"]?["body"] == "uden Bo")
        #expect(try bo.read(last) == nil)
    }

    @Test func aDeviceLeftWaitingForAOneTimeKeyIsTriedAgainOnEveryMessage() async throws {
        // The homeserver has no one-time key for Bo's laptop: he is owed the key, so no message skips the look-ups.
        room.homeserver.on("POST /_matrix/client/v3/keys/claim") { request in
            let wanted = EncryptedRoomFixture.body(request)["one_time_keys"]?.objectValue ?? [:]
            return EncryptedRoomFixture.ok(["one_time_keys": .object(wanted.mapValues { _ in [:] })])
        }
        let sender = room.sender()
        try await send(["en", "to", "tre"], with: sender)
        #expect(try await skipped(sender) == 0)
        #expect(room.bodies("/keys/claim").count == 3)
    }
}
