import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A course run with another command prefix: every command the bot tells people to type is
/// written with the prefix it answers to, in replies and in the welcomes `!groups create` queues.
@Suite struct ConfiguredCommandPrefix {
    @Test func theProposalAndTheWelcomesNameCommandsWithTheConfiguredPrefix() throws {
        var driver = RoomDriver()
        driver.config.commandPrefix = "?"
        for (index, name) in GroupCommands.names.enumerated() {
            _ = try driver.say("?student add @\(name):hs \"\(name.capitalized)\" background=b\(index % 3)")
        }
        let proposal = try #require(try driver.say("?groups plan size=2 seed=7"))
        let body = try #require(proposal["body"]?.stringValue)
        #expect(body.contains("?groups create"), "the proposal does not say ?groups create:\n\(body)")
        #expect(!body.contains("!groups"), "the proposal names a command the bot does not answer:\n\(body)")
        _ = try driver.say("?groups create")
        let welcomes = try driver.contents().filter { $0["peerbot.kind"] == "welcome" }
        #expect(!welcomes.isEmpty)
        for welcome in welcomes {
            let text = welcome["body"]?.stringValue ?? ""
            #expect(!text.contains("!help") && !text.contains("!reflect"), "a welcome names a !command:\n\(text)")
        }
    }
}
