import Foundation
import Testing

/// The harness itself against a real Synapse, so a bot test failure is never the harness's fault.
@Suite("Integration harness")
struct HarnessSelfTests {
    @Test("two users exchange a message and a reaction through Synapse")
    func twoUsersExchangeMessages() async throws {
        let server = try Homeserver.shared()
        let alice = try await TestUser.register(on: server, prefix: "alice")
        let bob = try await TestUser.register(on: server, prefix: "bob")
        #expect(alice.userID != bob.userID)

        let roomID = try await alice.createRoom(name: "harness check", invite: [bob.userID])
        let invite = try await bob.waitForInvite(from: alice.userID, timeout: Polling.patience)
        #expect(invite.roomID == roomID)
        try await bob.join(roomID)
        try await alice.waitForMembership(of: bob.userID, in: roomID, timeout: Polling.patience)

        let text = "hello \(RandomName.suffix())"
        let sent = try await alice.send(text, in: roomID)
        let received = try await bob.waitFor("alice's message", timeout: Polling.patience) { $0.eventID == sent }
        #expect(received.first?.body == text)
        #expect(received.first?.sender == alice.userID)

        let reply = try await bob.sendEvent(
            type: "m.room.message",
            content: ["msgtype": "m.notice", "body": "ack", "peerbot.kind": "reply",
                      "m.relates_to": ["m.in_reply_to": ["event_id": .string(sent)]]],
            in: roomID)
        let reaction = try await bob.react(to: sent, with: "✅", in: roomID)
        let seenByAlice = try await alice.waitFor("bob's reaction", timeout: Polling.patience) { $0.eventID == reaction }
        #expect(seenByAlice.first?.content["m.relates_to"]?["key"]?.string == "✅")

        let fromBob = try await alice.replies(in: roomID, from: bob.userID, to: [sent])
        #expect(fromBob[sent]?.map(\.eventID) == [reply])
        #expect(fromBob[sent]?.first?.peerbotKind == "reply")
        #expect(fromBob[sent]?.first?.inReplyTo == sent)
        let history = try await alice.messages(in: roomID, from: alice.userID)
        #expect(history.map(\.eventID) == [sent])
    }

    @Test("an extra Synapse instance starts, stops and comes back with its data")
    func extraInstanceLifecycle() async throws {
        let port = try TestEnvironment.current().extraPort(3)
        try await Homeserver.withInstance(name: "selftest", port: port) { server in
            #expect(await server.isAnswering())
            let carol = try await TestUser.register(on: server, prefix: "carol")
            let roomID = try await carol.createRoom(name: "before outage")
            try await server.stop()
            #expect(await server.isAnswering() == false)
            try await server.start()
            #expect(await server.isAnswering())
            let sent = try await carol.send("after outage", in: roomID)
            #expect(sent.hasPrefix("$"))
        }
        let stopped = Homeserver(name: "selftest", port: port, tight: false, environment: try TestEnvironment.current())
        #expect(await stopped.isAnswering() == false)
    }

    @Test("messages are paged back through /messages beyond one page")
    func historyPagesBack() async throws {
        let server = try Homeserver.shared()
        let dana = try await TestUser.register(on: server, prefix: "dana")
        let roomID = try await dana.createRoom(name: "paging")
        var sent: [String] = []
        for index in 0..<30 { sent.append(try await dana.send("line \(index)", in: roomID)) }
        let history = try await dana.messages(in: roomID, from: dana.userID)
        #expect(history.map(\.eventID) == sent)
    }
}
