import Foundation
import MatrixClient
import PeerLearning
import Testing
@testable import PeerBot

/// A user argument written as a roster name reaches the handlers as that student's id.
@Suite struct UserArgumentRoutingTests {
    @Test func aRosterNameIsTheStudentAndASharedNameListsTheCandidates() throws {
        var driver = RoomDriver()
        _ = try driver.say("!student add @bo:hs \"Bo Berg\"")
        _ = try driver.say("!student add @anna:hs \"Anna Hansen\"")
        _ = try driver.say("!student add @anna2:hs \"anna hansen\"")
        let ready = try #require(try driver.say("!ready bo berg"))
        #expect(ready["peerbot.error"] == nil && ready["body"]?.stringValue?.contains("Bo Berg") == true, "\(ready)")
        #expect(try driver.database.read { try $0.participation.isReady("@bo:hs") } == true)
        let shared = try #require(try driver.say("!ready Anna Hansen"))
        #expect(shared["peerbot.error"]?.stringValue == "bad_arguments")
        let body = shared["body"]?.stringValue ?? ""
        #expect(body.contains("@anna:hs") && body.contains("@anna2:hs"), "the candidates are named: \(body)")
    }

    @Test func aMembersDisplayNameIsThatMemberAndLeavingForgetsIt() throws {
        var driver = RoomDriver()
        _ = try driver.say("!student add @bo:hs \"Bo Berg\"")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let joined = driver.builder.event("m.room.member", sender: "@bo:hs", ts: now, content: ["membership": "join", "displayname": "Bobby B"],
                                          stateKey: "@bo:hs")
        try driver.deliver([joined], in: RoomDriver.room)
        let ready = try #require(try driver.say("!ready bobby b"))
        #expect(ready["peerbot.error"] == nil && ready["body"]?.stringValue?.contains("Bo Berg") == true, "\(ready)")
        #expect(try driver.database.read { try $0.participation.isReady("@bo:hs") } == true)
        // The reply names the student with a pill; the plain body keeps the name.
        #expect(ready["formatted_body"]?.stringValue?.contains("<a href=\"https://matrix.to/#/@bo:hs\">Bo Berg</a>") == true, "\(ready)")

        let left = driver.builder.event("m.room.member", sender: "@bo:hs", ts: now + 1, content: ["membership": "leave"], stateKey: "@bo:hs")
        try driver.deliver([left], in: RoomDriver.room)
        let unknown = try #require(try driver.say("!notready bobby b"))
        #expect(unknown["peerbot.error"] != nil, "a name from a member who left still matched: \(unknown)")
    }

    @Test func aDisplayNameTwoMembersShareListsBoth() throws {
        var driver = RoomDriver()
        _ = try driver.say("!student add @bo:hs \"Bo Berg\"")
        _ = try driver.say("!student add @cy:hs \"Cy Holm\"")
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let events = ["@bo:hs", "@cy:hs"].enumerated().map { index, user in
            driver.builder.event("m.room.member", sender: user, ts: now + Int64(index), content: ["membership": "join", "displayname": "Kim"],
                                 stateKey: user)
        }
        try driver.deliver(events, in: RoomDriver.room)
        let shared = try #require(try driver.say("!ready Kim"))
        #expect(shared["peerbot.error"]?.stringValue == "bad_arguments")
        let body = shared["body"]?.stringValue ?? ""
        #expect(body.contains("@bo:hs") && body.contains("@cy:hs"), "the candidates are named: \(body)")
    }
}
