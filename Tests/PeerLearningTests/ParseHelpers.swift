@testable import PeerLearning

let botID = "@peerbot:hs.example"

func parse(_ body: String, prefix: String = "!") -> CommandParse {
    CommandParser.parse(body, prefix: prefix, botUserID: botID, botDisplayName: "Peer Bot")
}

/// One written command and the command it must read as.
struct Example: Sendable, CustomStringConvertible {
    let body: String
    let expected: Command
    init(_ body: String, _ expected: Command) {
        self.body = body
        self.expected = expected
    }
    var description: String { body }
}

func duration(_ text: String) -> DurationSpec {
    DurationSpec.parse(text)!
}
