import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Who gets the room key as members and devices come and go.
@Suite struct EncryptedSendingMembers {
    let room: EncryptedRoomFixture
    let anna = MemberDevice(userID: "@anna:hs", deviceID: "ANNAPHONE")
    let bo = MemberDevice(userID: "@bo:hs", deviceID: "BOLAPTOP")

    init() throws {
        room = try EncryptedRoomFixture()
        room.add(anna)
        room.add(bo)
    }

    func sessionIDs() -> [String] { room.bodies("/rooms/!g:hs/send/").compactMap { $0["session_id"]?.stringValue } }

    @Test func aSecondDeviceGetsTheKeyOfTheCurrentSessionAndReadsTheNextMessage() async throws {
        let sender = room.sender()
        _ = try room.message("før")
        try await room.drain(sender)
        let tablet = MemberDevice(userID: "@anna:hs", deviceID: "ANNATABLET")
        room.add(tablet)
        // Sync reports Anna's device list changed.
        var sync = SyncResponse(nextBatch: "n")
        sync.encryption.deviceLists = DeviceLists(changed: ["@anna:hs"])
        let facts = RoomEncryptionFacts.read(sync)
        try room.database.write { try facts.apply(botUserID: "@bot:hs", writer: $0, at: Date()) }
        _ = try room.message("efter")
        try await room.drain(sender)
        try room.deliver(to: tablet)
        let events = room.bodies("/rooms/!g:hs/send/")
        #expect(Set(sessionIDs()).count == 1)
        #expect(try tablet.read(events[1])?.event["content"]?["body"] == "efter")
        // The new device got the key from the index it could read on; the old ones were not sent it again.
        let second = try #require(room.bodies("/sendToDevice/").last?["messages"]?.objectValue)
        #expect(second.keys.sorted() == ["@anna:hs"] && second["@anna:hs"]?.objectValue?.keys.sorted() == ["ANNATABLET"])
    }

    @Test func aMemberLeavingStartsANewSessionTheyDoNotGet() async throws {
        let sender = room.sender()
        _ = try room.message("alle")
        try await room.drain(sender)
        // Bo is moved to another group: kicked here, as sync then shows.
        room.removeMember("@bo:hs")
        let leave = ClientEvent(type: "m.room.member", sender: "@bot:hs", eventID: "$k", originServerTS: 1,
                                content: ["membership": "leave"], stateKey: "@bo:hs")
        let sync = SyncResponse(nextBatch: "n", rooms: .init(join: ["!g:hs": JoinedRoom(timeline: Timeline(events: [leave]))]))
        let facts = RoomEncryptionFacts.read(sync)
        try room.database.write { try facts.apply(botUserID: "@bot:hs", writer: $0, at: Date()) }
        _ = try room.message("uden Bo")
        try await room.drain(sender)
        try room.deliver(to: anna)
        try room.deliver(to: bo)
        let events = room.bodies("/rooms/!g:hs/send/")
        #expect(Set(sessionIDs()).count == 2)
        #expect(try anna.read(events[1])?.event["content"]?["body"] == "uden Bo")
        #expect(try bo.read(events[1]) == nil)
        #expect(room.bodies("/sendToDevice/").last?["messages"]?["@bo:hs"] == nil)
    }

    @Test func aStudentInvitedByTheBotGetsTheKeyBeforeSyncReportsTheInvite() async throws {
        let sender = room.sender()
        _ = try room.message("start")
        try await room.drain(sender)
        let cy = MemberDevice(userID: "@cy:hs", deviceID: "CYPHONE")
        room.add(cy, membership: "invite")
        room.homeserver.on("POST /_matrix/client/v3/rooms/!g:hs/invite", "{}")
        try room.enqueue(.invite(roomID: "!g:hs", userID: "@cy:hs"))
        _ = try room.message("Velkommen Cy")
        try await room.drain(sender)
        try room.deliver(to: cy)
        #expect(try cy.read(room.bodies("/rooms/!g:hs/send/").last!)?.event["content"]?["body"] == "Velkommen Cy")
    }

    @Test func aDeviceWhoseKeysChangeGetsNoKeyAndTheSupervisorsAreTold() async throws {
        try room.database.write { try $0.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor)) }
        room.homeserver.on("GET /_matrix/client/v3/rooms/!sup:hs/state/m.room.encryption", status: 404, #"{"errcode":"M_NOT_FOUND","error":"no"}"#)
        let sender = room.sender()
        _ = try room.message("før")
        try await room.drain(sender)
        // The same device id now shows other keys (a server trying to read along).
        let impostor = MemberDevice(userID: "@bo:hs", deviceID: "BOLAPTOP")
        room.replaceDevice(of: "@bo:hs", with: impostor)
        var sync = SyncResponse(nextBatch: "n")
        sync.encryption.deviceLists = DeviceLists(changed: ["@bo:hs"])
        let facts = RoomEncryptionFacts.read(sync)
        try room.database.write { try facts.apply(botUserID: "@bot:hs", writer: $0, at: Date()) }
        // A new session (100 messages later, say) must still not reach it.
        try room.database.write { try $0.keys.discardOutboundSession(roomID: "!g:hs") }
        _ = try room.message("efter")
        try await room.drain(sender)
        try room.deliver(to: impostor)
        #expect(try impostor.read(room.bodies("/rooms/!g:hs/send/").last!) == nil)
        let alerts = room.bodies("/rooms/!sup:hs/send/m.room.message/")
        #expect(alerts.count == 1)
        #expect(alerts.first?["body"]?.stringValue?.contains("BOLAPTOP") == true && alerts.first?["peerbot.kind"] == "alert")
        // Anna, unchanged, still reads everything.
        try room.deliver(to: anna)
        #expect(try anna.read(room.bodies("/rooms/!g:hs/send/").last!)?.event["content"]?["body"] == "efter")
    }

    @Test func theSessionRotatesAfterItsMessageLimitAndARestartKeepsItsIndex() async throws {
        try room.database.write {
            try $0.devices.setRoomEncrypted("!g:hs", algorithm: "m.megolm.v1.aes-sha2", rotationPeriodMs: nil, rotationPeriodMsgs: 3, at: Date())
        }
        for text in ["1", "2"] { _ = try room.message(text) }
        try await room.drain(room.sender())
        // A restart in the middle of a session goes on at the next index, in the same session.
        for text in ["3", "4"] { _ = try room.message(text) }
        try await room.drain(room.sender())
        try room.deliver(to: anna)
        let read = try room.bodies("/rooms/!g:hs/send/").map { try #require(try anna.read($0)) }
        #expect(read.map(\.index) == [0, 1, 2, 0])
        #expect(Set(sessionIDs().prefix(3)).count == 1 && sessionIDs()[3] != sessionIDs()[0])
    }

    @Test func aWeekOldSessionIsReplaced() async throws {
        let sender = room.sender()
        _ = try room.message("mandag")
        try await room.drain(sender)
        room.clock.advance(by: 7 * 24 * 3600)
        _ = try room.message("en uge efter")
        try await room.drain(sender)
        #expect(Set(sessionIDs()).count == 2)
    }

    @Test func aUserWithCrossSigningGetsKeysOnlyOnCrossSignedDevices() async throws {
        // Bo publishes cross-signing keys but has not signed his laptop: it is not trusted.
        let master = Curve25519SigningKeys()
        room.homeserver.on("POST /_matrix/client/v3/keys/query") { [room] request in
            let users = (EncryptedRoomFixture.body(request)["device_keys"]?.objectValue ?? [:]).keys
            var devices: [String: ClientJSON] = [:]
            for user in users {
                devices[user] = user == "@anna:hs" ? ["ANNAPHONE": try! room.deviceKeys(of: "@anna:hs")]
                    : user == "@bo:hs" ? ["BOLAPTOP": try! room.deviceKeys(of: "@bo:hs")] : [:]
            }
            return EncryptedRoomFixture.ok(["device_keys": .object(devices), "master_keys": ["@bo:hs": master.master(for: "@bo:hs")],
                                            "self_signing_keys": ["@bo:hs": master.selfSigning(for: "@bo:hs")]])
        }
        _ = try room.message("kun betroede")
        try await room.drain(room.sender())
        let given = try #require(room.bodies("/sendToDevice/").first?["messages"]?.objectValue)
        #expect(given.keys.sorted() == ["@anna:hs"])
    }
}

extension EncryptedSendingMembers {
    @Test func aMemberWithoutDeviceKeysIsAskedForOnceNotOnEveryMessage() async throws {
        // A supervisor who never used an encrypted client: the homeserver lists no keys for them.
        room.add(MemberDevice(userID: "@sup:hs", deviceID: "UNUSED"))
        room.homeserver.on("POST /_matrix/client/v3/keys/query") { [room] request in
            let users = (EncryptedRoomFixture.body(request)["device_keys"]?.objectValue ?? [:]).keys
            var devices: [String: ClientJSON] = [:]
            for user in users where user != "@sup:hs" {
                devices[user] = user == "@bot:hs" ? [:] : [user == "@anna:hs" ? "ANNAPHONE" : "BOLAPTOP": try! room.deviceKeys(of: user)]
            }
            return EncryptedRoomFixture.ok(["device_keys": .object(devices)])
        }
        let sender = room.sender()
        for text in ["en", "to"] {
            _ = try room.message(text)
            try await room.drain(sender)
        }
        #expect(room.bodies("/keys/query").count == 1)
        #expect(room.bodies("/rooms/!g:hs/send/").count == 2)
    }
}

extension EncryptedSendingMembers {
    @Test func aDeviceChangeReportedWhileTheQueryRunsIsQueriedAgainNextTime() async throws {
        let fixture = room
        // The homeserver answers the first query; meanwhile sync reports Anna's devices changed.
        fixture.homeserver.on("POST /_matrix/client/v3/keys/query") { [fixture] request in
            let users = (EncryptedRoomFixture.body(request)["device_keys"]?.objectValue ?? [:]).keys
            if fixture.bodies("/keys/query").count == 1 {
                var sync = SyncResponse(nextBatch: "n")
                sync.encryption.deviceLists = DeviceLists(changed: ["@anna:hs"])
                let facts = RoomEncryptionFacts.read(sync)
                try! fixture.database.write { try facts.apply(botUserID: "@bot:hs", writer: $0, at: Date()) }
            }
            var devices: [String: ClientJSON] = [:]
            for user in users where user != "@bot:hs" {
                devices[user] = [user == "@anna:hs" ? "ANNAPHONE" : "BOLAPTOP": try! fixture.deviceKeys(of: user)]
            }
            return EncryptedRoomFixture.ok(["device_keys": .object(devices)])
        }
        let sender = room.sender()
        _ = try room.message("en")
        try await room.drain(sender)
        #expect(try room.database.read { try $0.devices.trackedUser("@anna:hs") }?.outdated == true)
        #expect(try room.database.read { try $0.devices.trackedUser("@bo:hs") }?.outdated == false)
        _ = try room.message("to")
        try await room.drain(sender)
        let second = try #require(room.bodies("/keys/query").last?["device_keys"]?.objectValue)
        #expect(room.bodies("/keys/query").count == 2 && second.keys.sorted() == ["@anna:hs"])
    }
}
