import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

extension SessionFlow {
    private func lastTopic(_ driver: RoomDriver) throws -> String? {
        try driver.actions().compactMap { action -> String? in
            guard case .state(_, "m.room.topic", _, let json) = action else { return nil }
            return JSONValue.parse(json)?["topic"]?.stringValue
        }.last
    }

    /// Each plan takes the next number; the topic names the earliest session ahead, however
    /// the plans come, and a later plan leaves it as it was.
    @Test func plansAreNumberedInTurnAndTheTopicNamesTheEarliest() throws {
        var driver = try driverWithGroup()
        let later = try #require(try driver.say("!session plan A +3d 1h Falls"))
        let laterNumber = try #require(later["peerbot.session"]?.intValue)
        #expect(try lastTopic(driver)?.contains("#\(laterNumber) Falls, ") == true)

        let earlier = try #require(try driver.say("!session plan A +1d 1h Sepsis"))
        let earlierNumber = try #require(earlier["peerbot.session"]?.intValue)
        #expect(earlierNumber == laterNumber + 1)
        #expect(try lastTopic(driver)?.contains("#\(earlierNumber) Sepsis, ") == true)

        let third = try #require(try driver.say("!session plan A +5d 1h Wounds"))
        #expect(third["peerbot.session"]?.intValue == earlierNumber + 1)
        #expect(try lastTopic(driver)?.contains("#\(earlierNumber) Sepsis, ") == true, "a later plan leaves the topic on the earliest")
        #expect(try driver.database.read { try $0.sessions.find(number: earlierNumber + 1)?.title } == "Wounds")
    }
}
