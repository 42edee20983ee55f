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
        #expect(try driver.database.read { try $0.isReady("@bo:hs") } == true)
        let shared = try #require(try driver.say("!ready Anna Hansen"))
        #expect(shared["peerbot.error"]?.stringValue == "bad_arguments")
        let body = shared["body"]?.stringValue ?? ""
        #expect(body.contains("@anna:hs") && body.contains("@anna2:hs"), "the candidates are named: \(body)")
    }
}
