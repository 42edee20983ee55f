import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

/// The outbox in an encrypted room: keys shared first, every message encrypted, nothing twice.
@Suite struct EncryptedSending {
    let room: EncryptedRoomFixture
    let anna = MemberDevice(userID: "@anna:hs", deviceID: "ANNAPHONE")

    init() throws {
        room = try EncryptedRoomFixture()
        room.add(anna)
    }

    func sentEvents() -> [ClientJSON] { room.bodies("/rooms/!g:hs/send/") }

    @Test func theFirstMessageSharesTheKeyByOlmAndGoesOutAsMegolmCiphertext() async throws {
        let item = try room.message("Velkommen")
        try await room.drain(room.sender())
        #expect(room.urls("/rooms/!g:hs/send/").map { $0.contains("/send/m.room.encrypted/" + item.txnID) } == [true])
        let event = try #require(sentEvents().first)
        #expect(event["algorithm"] == "m.megolm.v1.aes-sha2" && event["sender_key"]?.stringValue == room.botCurve)
        #expect(event["device_id"] == "BOTDEV" && !event.jsonString().contains("Velkommen"))

        // The key reached Anna's device by Olm, saying who sent it, for whom.
        let toDevice = room.bodies("/sendToDevice/m.room.encrypted/")
        #expect(toDevice.count == 1)
        let content = try #require(toDevice.first?["messages"]?["@anna:hs"]?["ANNAPHONE"])
        let plaintext = try anna.receive(content, from: room.botCurve)
        #expect(plaintext["type"] == "m.room_key" && plaintext["sender"] == "@bot:hs" && plaintext["recipient"] == "@anna:hs")
        #expect(plaintext["recipient_keys"]?["ed25519"]?.stringValue == anna.account.identityKeys.ed25519)
        #expect(plaintext["keys"]?["ed25519"]?.stringValue == room.botAccount.identityKeys.ed25519)
        #expect(plaintext["content"]?["room_id"] == "!g:hs" && plaintext["content"]?["session_id"] == event["session_id"])

        let read = try #require(try anna.read(event))
        #expect(read.index == 0 && read.event["type"] == "m.room.message" && read.event["room_id"] == "!g:hs")
        #expect(read.event["content"]?["body"] == "Velkommen")
        #expect(try room.database.read { try $0.outbox.item(id: item.id) }?.state == .sent)
    }

    @Test func laterMessagesUseTheNextIndexAndNeedNoNewKey() async throws {
        let sender = room.sender()
        for text in ["en", "to", "tre"] { _ = try room.message(text) }
        try await room.drain(sender)
        try room.deliver(to: anna)
        let read = try sentEvents().map { try #require(try anna.read($0)) }
        #expect(read.map(\.index) == [0, 1, 2])
        #expect(read.map { $0.event["content"]?["body"]?.stringValue } == ["en", "to", "tre"])
        #expect(room.bodies("/sendToDevice/").count == 1)
        #expect(room.bodies("/keys/claim").count == 1)
    }

    @Test func aLostAnswerIsResentAsTheSameCiphertextWithTheSameTransactionID() async throws {
        room.failures.withLock { $0["/rooms/!g:hs/send/"] = 2 }
        let item = try room.message("kun én gang")
        try await room.drain(room.sender())
        let sends = room.urls("/rooms/!g:hs/send/")
        #expect(sends.count == 3 && Set(sends).count == 1 && sends[0].hasSuffix(item.txnID))
        #expect(Set(sentEvents().map { $0.jsonString() }).count == 1)
        // The index was used once: the next message carries index 1.
        _ = try room.message("næste")
        try await room.drain(room.sender())
        try room.deliver(to: anna)
        #expect(try sentEvents().compactMap { try anna.read($0)?.index } == [0, 0, 0, 1])
    }

    @Test func aRestartAfterTheCiphertextWasFixedSendsItAndNotANewOne() async throws {
        // The first attempt gets as far as the homeserver and no further; then the process is gone.
        room.failures.withLock { $0["/rooms/!g:hs/send/"] = 1 }
        let item = try room.message("efter et nedbrud")
        #expect(try await room.sender().sendNext())
        let fixed = try #require(try room.database.read { try $0.keys.outboxCiphertext(outboxID: item.id) })
        // A new process: new actors, the same database.
        try await room.drain(room.sender())
        let events = sentEvents()
        #expect(events.count == 2 && events.allSatisfy { $0.jsonString() == ClientJSON.parse(fixed.contentJSON)?.jsonString() })
        #expect(Set(room.urls("/rooms/!g:hs/send/")).count == 1)
        let stored = try #require(try room.database.read { try $0.keys.outboundSession(roomID: "!g:hs") })
        #expect(try MegolmOutboundSession(pickle: stored.pickle, key: room.pickleKey).messageIndex == 1)
    }

    @Test func aKeyShareWhoseAnswerWasLostIsResentWithItsTransactionIDBeforeTheMessage() async throws {
        room.failures.withLock { $0["/sendToDevice/"] = 1 }
        _ = try room.message("nøglen først")
        try await room.drain(room.sender())
        let shares = room.urls("/sendToDevice/")
        #expect(shares.count == 2 && Set(shares).count == 1)
        #expect(Set(room.bodies("/sendToDevice/").map { $0.jsonString() }).count == 1)
        // The Olm session moved on once: one pre-key message, readable once, and the message after it.
        try room.deliver(to: anna)
        #expect(try sentEvents().compactMap { try anna.read($0)?.event["content"]?["body"]?.stringValue } == ["nøglen først"])
        let order = room.homeserver.requests.map(\.url).filter { $0.contains("sendToDevice") || $0.contains("/send/") }
        #expect(order.last?.contains("/send/") == true)
    }

    @Test func anEditKeepsItsRelationInTheClearAndAReactionIsEncrypted() async throws {
        let edit: ClientJSON = ["msgtype": "m.notice", "body": "* rettet", "m.new_content": ["msgtype": "m.notice", "body": "rettet"],
                                "m.relates_to": ["rel_type": "m.replace", "event_id": "$orig"]]
        try room.enqueue(.send(roomID: "!g:hs", eventType: "m.room.message", contentJSON: edit.jsonString()))
        let reaction: ClientJSON = ["m.relates_to": ["rel_type": "m.annotation", "event_id": "$goal", "key": "✅"]]
        try room.enqueue(.send(roomID: "!g:hs", eventType: "m.reaction", contentJSON: reaction.jsonString()))
        try room.enqueue(.state(roomID: "!g:hs", eventType: "m.room.topic", stateKey: "", contentJSON: #"{"topic":"Gruppe A"}"#))
        try await room.drain(room.sender())
        try room.deliver(to: anna)
        let events = sentEvents()
        #expect(events.count == 2 && room.urls("/send/m.room.encrypted/").count == 2 && room.urls("/send/m.reaction/").isEmpty)
        #expect(events[0]["m.relates_to"] == ["rel_type": "m.replace", "event_id": "$orig"])
        let editRead = try #require(try anna.read(events[0])).event
        #expect(editRead["content"]?["m.new_content"]?["body"] == "rettet" && editRead["content"]?["m.relates_to"] == nil)
        #expect(events[1]["m.relates_to"]?["key"] == "✅")
        #expect(try anna.read(events[1])?.event["type"] == "m.reaction")
        // Room state stays in the clear.
        #expect(room.bodies("/state/m.room.topic/") == [["topic": "Gruppe A"]])
    }
}
