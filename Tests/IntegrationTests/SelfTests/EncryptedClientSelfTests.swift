import Foundation
import Testing

/// The encrypted test client (matrix-nio with vodozemac) against Synapse, so an encrypted bot
/// test failure is never the client's fault.
@Suite("Encrypted test client")
struct EncryptedClientSelfTests {
    @Test("two encrypted clients exchange a text, a reply, a thread answer, a reaction and a file that the homeserver only holds encrypted")
    func encryptedExchange() async throws {
        let server = try Homeserver.shared()
        let alice = try await EncryptedTestUser.register(on: server, prefix: "alice")
        let bob = try await EncryptedTestUser.register(on: server, prefix: "bob")
        defer { Task { await alice.stop(); await bob.stop() } }

        let roomID = try await alice.createRoom(name: "encrypted harness check", invite: [bob.userID])
        #expect(try await alice.plain.state("m.room.encryption", in: roomID)?["algorithm"]?.string == "m.megolm.v1.aes-sha2")
        let invited = try await bob.waitForInvite(from: alice.userID, timeout: Polling.patience)
        #expect(invited == roomID)
        try await bob.join(roomID)
        try await alice.plain.waitForMembership(of: bob.userID, in: roomID, timeout: Polling.patience)
        try await alice.sync(rounds: 2)

        let text = "hemmeligt \(RandomName.suffix())"
        let root = try await alice.send(text, in: roomID)
        let reply = try await alice.send("svar", in: roomID, replyingTo: root)
        let threaded = try await alice.sendInThread("i tråden", root: root, in: roomID)
        let reaction = try await alice.react(to: root, with: "✅", in: roomID)
        let csv = Data("email,name\nanna@example.org,Anna\n".utf8)
        let file = try await alice.sendFile(csv, filename: "roster.csv", in: roomID)
        let unreadable = try await alice.sendUndecryptable("no one reads this", in: roomID)
        let sent = [root, reply, threaded, reaction, file, unreadable]

        let read = try await bob.waitFor("alice's file, decrypted", in: roomID, timeout: Polling.patience) {
            $0.eventID == file && $0.isDecrypted
        }
        let timeline = Dictionary(try await bob.timeline(of: roomID).map { ($0.eventID, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(timeline[root]?.body == text)
        #expect(timeline[root]?.isDecrypted == true)
        #expect(timeline[reply]?.inReplyTo == root)
        #expect(timeline[threaded]?.content["m.relates_to"]?["rel_type"]?.string == "m.thread")
        #expect(timeline[reaction]?.type == "m.reaction")
        #expect(timeline[reaction]?.reactionKey == "✅")
        #expect(timeline[reaction]?.isDecrypted == true)
        #expect(timeline[unreadable]?.type == "m.room.encrypted")
        #expect(timeline[unreadable]?.isDecrypted == false)

        let attachment = try #require(read.first)
        #expect(attachment.content["url"] == nil, "an encrypted attachment has no plain url")
        #expect(attachment.content["file"]?["key"]?["alg"]?.string == "A256CTR")
        #expect(try await bob.download(fileOf: attachment) == csv)

        // The homeserver holds every one of them as ciphertext only.
        let raw = Dictionary(try await bob.plain.history(of: roomID).map { ($0.eventID, $0) }, uniquingKeysWith: { a, _ in a })
        for eventID in sent {
            #expect(raw[eventID]?.type == "m.room.encrypted", "\(eventID) is stored as \(raw[eventID]?.type ?? "nothing")")
            #expect(raw[eventID]?.content["body"] == nil)
        }
        #expect(raw[reaction]?.content["m.relates_to"]?["rel_type"]?.string == "m.annotation",
                "the relation stays in the clear for the server's aggregation")

        let devices = try await bob.devices(of: alice.userID)
        #expect(devices.compactMap { $0["device_id"]?.string } == [alice.deviceID])
        #expect(devices.first?["ed25519"]?.string == alice.ed25519)
        let trusted = try await bob.trust(alice.userID)
        #expect(trusted.first?["verified"]?.bool == true)
    }
}
