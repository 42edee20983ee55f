import Crypto
import Foundation
import MatrixClient
@testable import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

/// An event under `sender`'s session made from `ratchet` (a state the forger once held) but
/// signed with the forger's own key: its MAC may pass, its signature never does.
func forgedEvent(_ body: String, as sender: MegolmSender, ratchet: MegolmRatchet, roomID: String, eventID: String, ts: Int64) -> ClientEvent {
    let forger = MegolmOutboundSession(ratchet: ratchet, signingKey: Curve25519.Signing.PrivateKey())
    let payload: ClientJSON = ["type": "m.room.message", "content": ["msgtype": "m.text", "body": .string(body)], "room_id": .string(roomID)]
    let envelope: ClientJSON = ["algorithm": "m.megolm.v1.aes-sha2", "sender_key": .string(sender.senderKey), "device_id": .string(sender.deviceID),
                                "session_id": .string(sender.group.sessionID), "ciphertext": .string(forger.encrypt(Array(payload.jsonString().utf8)))]
    return ClientEvent(type: "m.room.encrypted", sender: sender.userID, eventID: eventID, originServerTS: ts, content: envelope)
}

/// A forged event is refused as forged before it moves anything, whether its index is in
/// reach of the held room key or not.
@Suite struct ForgedMegolmDecisions {
    let pickleKey = PickleKey.random()
    let room = "!room:hs"

    func decide(_ event: ClientEvent, key: StoredMegolmSession, session: MegolmInboundSession, deferSignature: Bool) throws -> RoomEventDecryption {
        let envelope = try #require(MegolmEnvelope(event.content))
        return RoomEventDecryptor.decrypt(event, envelope: envelope, roomID: room, session: session, stored: key,
                                          deferSignature: deferSignature) { _ in .unused }
    }

    @Test func aForgeryFromBeforeTheKeysFirstIndexIsRefusedNotKeptWaitingForAKey() throws {
        let alice = MegolmSender(userID: "@alice:hs")
        let forged = forgedEvent("!help", as: alice, ratchet: alice.group.ratchet, roomID: room, eventID: "$forged", ts: 1)
        let early = alice.text("sent before the key was shared", roomID: room, ts: 1)
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)  // from index 1
        let session = try MegolmInboundSession(pickle: key.pickle, key: pickleKey)
        for deferring in [false, true] {
            #expect(try decide(forged, key: key, session: session, deferSignature: deferring) == .refused(.badCiphertext), "deferring: \(deferring)")
            #expect(try decide(early, key: key, session: session, deferSignature: deferring) == .keyMissing, "the sender's own message waits")
        }
    }

    @Test func aKeptEventsSignatureIsCheckedBeforeTheRatchetMoves() throws {
        let alice = MegolmSender(userID: "@alice:hs")
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let session = try MegolmInboundSession(pickle: key.pickle, key: pickleKey)
        let forger = MegolmOutboundSession(ratchet: alice.group.ratchet, signingKey: Curve25519.Signing.PrivateKey())
        for _ in 0..<100 { _ = forger.encrypt([0]) }
        let far = forgedEvent("!help", as: alice, ratchet: forger.ratchet, roomID: room, eventID: "$far", ts: 1)
        #expect(try decide(far, key: key, session: session, deferSignature: false) == .refused(.badCiphertext))
        #expect(session.latestRatchet.index == 0, "the refused forgery left the session's ratchet where it was")
        guard case .decrypted = try decide(alice.text("!help", roomID: room, ts: 2), key: key, session: session, deferSignature: false) else {
            Issue.record("the genuine message was not read")
            return
        }
    }
}

extension EncryptedBatches {
    @Test func aKeptForgeryIsDroppedWhenTheKeyComesAndItsSenderIsNeverToldOfIt() throws {
        let sup = MegolmSender(userID: Self.sup)
        let forged = forgedEvent("!help", as: sup, ratchet: sup.group.ratchet, roomID: Self.room, eventID: "$forged", ts: ts + 1)
        let genuine = sup.text("!help", roomID: Self.room, ts: ts)  // index 0 too, the sender's own
        try apply("s1", [genuine, forged])
        #expect(try database.read { try $0.undecrypted.count() } == 2, "neither can be read or checked yet")
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)  // from index 1 on
        try apply("s2", at: 5)
        let waiting = try database.read { try $0.undecrypted.events(receivedBefore: start.addingTimeInterval(10)) }
        #expect(waiting.map(\.eventID) == [genuine.eventID], "the forgery is refused, the genuine message waits on")
        try apply("s3", at: 301)
        #expect(try answers(to: "$forged").isEmpty)
        #expect(try answers(to: genuine.eventID).first?["peerbot.kind"] == "undecryptable")
    }

    @Test func aNewForgeryBeforeTheHeldKeysFirstIndexIsRefusedAtOnce() throws {
        let sup = MegolmSender(userID: Self.sup)
        let ratchet = sup.group.ratchet
        _ = sup.text("sent before the key was shared", roomID: Self.room, ts: ts)
        try sup.share(roomID: Self.room, with: database, pickleKey: pickleKey)  // from index 1 on
        try apply("s1", [forgedEvent("!help", as: sup, ratchet: ratchet, roomID: Self.room, eventID: "$forged", ts: ts + 1)])
        #expect(try database.read { try $0.undecrypted.count() } == 0, "not kept waiting for a key")
        try apply("s2", at: 301)
        #expect(try answers().isEmpty)
    }
}
