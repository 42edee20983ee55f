import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Synchronization
import Testing
@testable import PeerBot

/// A room key request is withdrawn, once, when the key comes or the waiting messages are gone.
@Suite struct KeyRequestCancellation {
    let receiving = RoomKeyReceiving()
    let room = "!r:hs"
    let toDeviceFails = FailSwitch()

    /// Whether the homeserver refuses to-device sends for now.
    final class FailSwitch: Sendable {
        private let failing = Mutex(false)
        var isOn: Bool { failing.withLock { $0 } }
        func set(_ on: Bool) { failing.withLock { $0 = on } }
    }

    init() {
        receiving.server.homeserver.on("PUT /_matrix/client/v3/sendToDevice/") { [toDeviceFails] _ in
            toDeviceFails.isOn
                ? TransportResponse(status: 502, body: Data(#"{"errcode":"M_UNKNOWN"}"#.utf8))
                : TransportResponse(status: 200, body: Data("{}".utf8))
        }
    }

    /// A message of `group` kept until its key comes, sent by Alice's phone.
    func keep(_ group: MegolmOutboundSession, eventID: String = "$waiting") throws {
        let (room, sessionID) = (room, group.sessionID)
        try receiving.database.write { writer in
            try writer.undecrypted.keep(PendingEncryptedEvent(eventID: eventID, roomID: room, senderUserID: "@alice:hs", senderKey: nil,
                                                              sessionID: sessionID, deviceID: "ALICEPHONE", event: "{}", receivedAt: Date()))
        }
    }

    /// Every `m.room_key_request` the homeserver was given: transaction id and the content for Alice's phone.
    func keyRequests() -> [(txnID: String, content: ClientJSON)] {
        receiving.server.homeserver.requests.filter { $0.url.contains("/sendToDevice/m.room_key_request/") }.compactMap { request in
            let body = try? JSONDecoder().decode(ClientJSON.self, from: request.body ?? Data())
            guard let content = body?["messages"]?["@alice:hs"]?["ALICEPHONE"] else { return nil }
            return (String(request.url.split(separator: "/").last ?? ""), content)
        }
    }

    func cancelledAt(_ group: MegolmOutboundSession) throws -> Date? {
        let requestID = "peerbot-" + group.sessionID
        return try receiving.database.read { try $0.keys.keyRequestCancelledAt(requestID) }
    }

    @Test func theKeysArrivalWithdrawsTheRequestOnceWithTheSameRequestID() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        let alice = SharingDevice(userID: "@alice:hs")
        let group = MegolmOutboundSession()
        try keep(group)
        await bot.requestMissingKeys()
        await bot.cancelAnsweredKeyRequests()
        #expect(keyRequests().count == 1, "nothing is withdrawn while the message still waits")
        #expect(await bot.receive([try alice.event(alice.roomKey(group, room: room, botEd25519: ed25519), botCurve: curve,
                                                   botOneTimeKey: oneTime[0])]) == 1)
        await bot.cancelAnsweredKeyRequests()
        await bot.cancelAnsweredKeyRequests()
        let sent = keyRequests()
        try #require(sent.count == 2)
        #expect(sent[0].content["action"]?.stringValue == "request")
        #expect(sent[1].content["action"]?.stringValue == "request_cancellation")
        #expect(sent[1].content["request_id"] == sent[0].content["request_id"])
        #expect(sent[1].content["requesting_device_id"]?.stringValue == "BOTDEV")
        #expect(sent[1].txnID != sent[0].txnID)
        #expect(try cancelledAt(group) != nil)
    }

    @Test func aKeyThatDoesNotReachBackToTheMessageLeavesTheRequestOpen() async throws {
        let (bot, curve, ed25519, oneTime) = try await receiving.startedBot()
        let alice = SharingDevice(userID: "@alice:hs")
        let group = MegolmOutboundSession()
        try keep(group)
        _ = group.encrypt(Array("the waiting message used index 0".utf8))
        await bot.requestMissingKeys()
        // Alice's phone shares the key as it is now, from index 1; the batch tries the message with it.
        #expect(await bot.receive([try alice.event(alice.roomKey(group, room: room, botEd25519: ed25519), botCurve: curve,
                                                   botOneTimeKey: oneTime[0])]) == 1)
        try receiving.database.write { try $0.undecrypted.markTried(eventID: "$waiting", firstIndex: 1) }
        await bot.cancelAnsweredKeyRequests()
        #expect(keyRequests().count == 1, "withdrawn although the key cannot read the message")
        #expect(try cancelledAt(group) == nil)
        // Once the message is read (or given up) it is withdrawn.
        try receiving.database.write { try $0.undecrypted.drop(eventID: "$waiting") }
        await bot.cancelAnsweredKeyRequests()
        #expect(keyRequests().last?.content["action"]?.stringValue == "request_cancellation")
        #expect(try cancelledAt(group) != nil)
    }

    @Test func aRedactedOrGivenUpMessageWithdrawsItsRequest() async throws {
        let (bot, _, _, _) = try await receiving.startedBot()
        let group = MegolmOutboundSession()
        try keep(group, eventID: "$first")
        try keep(group, eventID: "$second")
        await bot.requestMissingKeys()
        try receiving.database.write { try $0.undecrypted.drop(eventID: "$first") }
        await bot.cancelAnsweredKeyRequests()
        #expect(keyRequests().count == 1, "another message still waits for the key")
        try receiving.database.write { try $0.undecrypted.drop(eventID: "$second") }
        await bot.cancelAnsweredKeyRequests()
        #expect(keyRequests().map { $0.content["action"]?.stringValue } == ["request", "request_cancellation"])
        #expect(try cancelledAt(group) != nil)
    }

    @Test func aFailedCancellationIsSentAgainUnderTheSameTransactionID() async throws {
        let (bot, _, _, _) = try await receiving.startedBot()
        let group = MegolmOutboundSession()
        try keep(group)
        await bot.requestMissingKeys()
        try receiving.database.write { try $0.undecrypted.drop(eventID: "$waiting") }
        toDeviceFails.set(true)
        await bot.cancelAnsweredKeyRequests()
        #expect(try cancelledAt(group) == nil)
        toDeviceFails.set(false)
        await bot.cancelAnsweredKeyRequests()
        await bot.cancelAnsweredKeyRequests()
        let cancellations = keyRequests().filter { $0.content["action"]?.stringValue == "request_cancellation" }
        #expect(cancellations.count == 2)
        #expect(Set(cancellations.map(\.txnID)).count == 1)
        #expect(try cancelledAt(group) != nil)
    }

    @Test func withItsCrossSigningKeysTheBotAlsoAsksAndReleasesItsOwnDevices() async throws {
        let (bot, _, _, _) = try await receiving.startedBot()
        try receiving.database.write { try $0.devices.saveCrossSigningKeys(masterKey: CrossSigningKeys().masterPublicKey, pickle: "sealed", at: Date()) }
        let group = MegolmOutboundSession()
        try keep(group)
        await bot.requestMissingKeys()
        try receiving.database.write { try $0.undecrypted.drop(eventID: "$waiting") }
        await bot.cancelAnsweredKeyRequests()
        let own = receiving.server.homeserver.requests.filter { $0.url.contains("/sendToDevice/m.room_key_request/") }.compactMap { request in
            (try? JSONDecoder().decode(ClientJSON.self, from: request.body ?? Data()))?["messages"]?["@bot:hs"]?["*"]?["action"]?.stringValue
        }
        #expect(own == ["request", "request_cancellation"])
        #expect(keyRequests().map { $0.content["action"]?.stringValue } == ["request", "request_cancellation"])
    }
}
