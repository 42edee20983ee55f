import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

/// The decision on one encrypted room event, without a store: what is believed and what is refused.
@Suite struct RoomEventDecryptorTests {
    let pickleKey = PickleKey.random()
    let room = "!room:hs"
    let alice = MegolmSender(userID: "@alice:hs")

    func decide(_ event: ClientEvent, stored: StoredMegolmSession?, roomID: String? = nil,
                seen: [MegolmIndex: String] = [:]) throws -> RoomEventDecryption {
        let envelope = try #require(MegolmEnvelope(event.content))
        let session = try stored.map { try MegolmInboundSession(pickle: $0.pickle, key: pickleKey) }
        return RoomEventDecryptor.decrypt(event, envelope: envelope, roomID: roomID ?? room, session: session, stored: stored) { seen[$0].map(MessageIndexUse.usedBy) ?? .unused }
    }

    @Test func anEventIsReadAsItsSenderWroteItKeepingTheServersIDSenderAndTime() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let event = alice.text("!help", roomID: room, ts: 5_000)
        guard case .decrypted(let readable, let index) = try decide(event, stored: key) else {
            Issue.record("not decrypted")
            return
        }
        #expect(readable.type == "m.room.message")
        #expect(readable.content["body"]?.stringValue == "!help")
        #expect(readable.eventID == event.eventID)
        #expect(readable.sender == "@alice:hs")
        #expect(readable.originServerTS == 5_000)
        #expect(index == MegolmIndex(senderKey: alice.senderKey, sessionID: alice.group.sessionID, index: 0))
    }

    @Test func withoutTheKeyOrFromBeforeItsFirstIndexTheEventWaits() throws {
        let early = alice.text("sent before the key was shared", roomID: room, ts: 1)
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)  // exported at index 1 now
        #expect(try decide(early, stored: nil) == .keyMissing)
        #expect(try decide(early, stored: key) == .keyMissing)
    }

    @Test func aPlaintextForAnotherRoomIsRefused() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let moved = alice.event(content: ["msgtype": "m.text", "body": "!help"], roomID: room, ts: 1, plaintextRoom: "!other:hs")
        #expect(try decide(moved, stored: key) == .refused(.wrongRoom))
    }

    @Test func aKeyFromOneUserDoesNotVouchForAnothersEvents() throws {
        // Mallory holds a session whose key Alice's device shared; events "from" Mallory under it are not believed.
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let event = alice.text("I am Mallory", roomID: room, ts: 1)
        let forged = ClientEvent(type: event.type, sender: "@mallory:hs", eventID: event.eventID, originServerTS: 1, content: event.content)
        #expect(try decide(forged, stored: key) == .refused(.wrongSender))
    }

    @Test func aSenderKeyOtherThanTheRoomKeysIsRefused() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let event = alice.event(content: ["msgtype": "m.text", "body": "x"], roomID: room, ts: 1, claimedSenderKey: "someone-elses-curve")
        #expect(try decide(event, stored: key) == .refused(.wrongDevice))
    }

    @Test func aMessageIndexReusedByAnotherEventIsAReplay() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let original = alice.text("!reflect once", roomID: room, ts: 1)
        let index = MegolmIndex(senderKey: alice.senderKey, sessionID: alice.group.sessionID, index: 0)
        let replay = ClientEvent(type: original.type, sender: original.sender, eventID: "$replayed", originServerTS: 2, content: original.content)
        #expect(try decide(replay, stored: key, seen: [index: original.eventID]) == .refused(.replayed))
        // The same event delivered again (a re-sync) is no replay.
        guard case .decrypted = try decide(original, stored: key, seen: [index: original.eventID]) else {
            Issue.record("a second delivery of the same event was refused")
            return
        }
    }

    @Test func tamperedCiphertextAndNonJSONPlaintextAreRefused() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        var event = alice.text("hej", roomID: room, ts: 1)
        guard case .object(var envelope) = event.content, let text = envelope["ciphertext"]?.stringValue else { return }
        let flipped = (text.first == "A" ? "B" : "A") + text.dropFirst()
        envelope["ciphertext"] = .string(String(flipped))
        event.content = .object(envelope)
        #expect(try decide(event, stored: key) == .refused(.badCiphertext))

        let raw = alice.group.encrypt(Array("not json".utf8))
        let notJSON = ClientEvent(type: "m.room.encrypted", sender: "@alice:hs", eventID: "$n", originServerTS: 1, content: [
            "algorithm": "m.megolm.v1.aes-sha2", "sender_key": .string(alice.senderKey),
            "session_id": .string(alice.group.sessionID), "ciphertext": .string(raw),
        ])
        #expect(try decide(notJSON, stored: key) == .refused(.notJSON))
    }

    @Test func anEncryptedEventInsideAnEncryptedEventIsRefused() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let nested = alice.event("m.room.encrypted", content: ["algorithm": "m.megolm.v1.aes-sha2"], roomID: room, ts: 1)
        #expect(try decide(nested, stored: key) == .refused(.nestedEncryption))
    }

    @Test func theClearRelationFillsInAPlaintextWithoutOne() throws {
        let key = try alice.storedKey(roomID: room, pickleKey: pickleKey)
        let thread: ClientJSON = ["rel_type": "m.thread", "event_id": "$root"]
        let event = alice.event(content: ["msgtype": "m.text", "body": "in the thread"], roomID: room, ts: 1, clearRelation: thread)
        guard case .decrypted(let readable, _) = try decide(event, stored: key) else {
            Issue.record("not decrypted")
            return
        }
        #expect(readable.content["m.relates_to"] == thread)

        // A plaintext with its own relation keeps it.
        let own: ClientJSON = ["m.in_reply_to": ["event_id": "$asked"]]
        let reply = alice.event(content: ["msgtype": "m.text", "body": "svar", "m.relates_to": own], roomID: room, ts: 2, clearRelation: thread)
        guard case .decrypted(let second, _) = try decide(reply, stored: key) else {
            Issue.record("not decrypted")
            return
        }
        #expect(second.content["m.relates_to"] == own)
    }

    @Test func envelopesOfOtherAlgorithmsOrRedactedEventsAreNotMegolm() {
        #expect(MegolmEnvelope(["algorithm": "m.olm.v1.curve25519-aes-sha2", "ciphertext": "x", "session_id": "s"]) == nil)
        #expect(MegolmEnvelope([:]) == nil)
        #expect(MegolmEnvelope(["algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "", "session_id": "s"]) == nil)
        let bare = MegolmEnvelope(["algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "c", "session_id": "s"])
        #expect(bare?.senderKey == nil, "sender_key is deprecated and may be missing")
    }
}
