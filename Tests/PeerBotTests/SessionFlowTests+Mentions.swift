import Foundation
import MatrixClient
import PeerLearning
import Testing
@testable import PeerBot

extension SessionFlow {
    private func mentions(_ content: JSONValue?) -> [String]? {
        content?["m.mentions"]?["user_ids"]?.arrayValue?.compactMap(\.stringValue)
    }

    private func first(_ kind: String, in contents: [JSONValue]) -> JSONValue? {
        contents.first { $0["peerbot.kind"]?.stringValue == kind }
    }

    /// What a student's phone would show: the goals, the prompts and the reflection notify the
    /// people they ask to act, and only them; the answer to the planner's command stays quiet.
    @Test func promptsNotifyThePeopleTheyAskAndAnswersStayQuiet() throws {
        var driver = try driverWithGroup()
        _ = try driver.say("!ready @anna:hs")
        let answer = try #require(try driver.say("!session plan A +2h 1h Sepsis-case"))
        #expect(answer["msgtype"] == "m.notice")
        #expect(answer["m.mentions"] == nil, "a notice names no one")
        let session = try #require(try driver.database.read { try $0.sessions.withOpenJobs(before: Date().addingTimeInterval(86400)).first })
        _ = try driver.say("!absent #\(session.number) @david:hs")
        for offset in [-3600.0, 1, 1801, 3000, 3601] { _ = try run(driver, at: session.startsAt.addingTimeInterval(offset)) }
        let group = try driver.contents(in: "!groupA:hs")
        let everyone = ["@anna:hs", "@bo:hs", "@cecilie:hs", "@david:hs"]
        let groupID = try #require(try driver.database.read { try $0.groups.active().first?.id })
        let welcome = try #require(first("welcome", in: try driver.contents(in: RoomRef.group(groupID).string)))
        #expect(welcome["msgtype"] == "m.text" && Set(mentions(welcome) ?? []) == Set(everyone), "the group's welcome names its students")
        let goals = try #require(first("goals", in: group))
        #expect(goals["msgtype"] == "m.text")
        #expect(Set(mentions(goals) ?? []) == Set(everyone))
        for kind in ["session_start", "facilitator_prompt"] {
            let prompt = try #require(first(kind, in: group))
            #expect(prompt["msgtype"] == "m.text", "\(kind)")
            #expect(mentions(prompt) == ["@anna:hs"], "\(kind) names the facilitator only")
        }
        let start = try #require(first("session_start", in: group))
        #expect(start["formatted_body"]?.stringValue?.contains(#"<a href="https://matrix.to/#/@anna:hs">Anna</a>"#) == true,
                "the facilitator is named with a pill: \(start["formatted_body"]?.stringValue ?? "no html")")
        let personal = try #require(first("welcome", in: try driver.contents(in: "ref:direct:@bo:hs")))
        #expect(personal["msgtype"] == "m.text")
        #expect(mentions(personal) == ["@bo:hs"])
        #expect(personal["formatted_body"]?.stringValue?.contains(#"<a href="https://matrix.to/#/@bo:hs">Bo</a>"#) == true)
        let reflection = try #require(first("reflection_prompt", in: group))
        #expect(reflection["msgtype"] == "m.text")
        #expect(Set(mentions(reflection) ?? []) == ["@anna:hs", "@bo:hs", "@cecilie:hs"], "the absent student is not asked")
        let privately = try #require(first("reflection_prompt", in: try driver.contents(in: "ref:direct:@bo:hs")))
        #expect(privately["msgtype"] == "m.text")
        #expect(mentions(privately) == ["@bo:hs"])
        let checklist = try #require(first("facilitator_prompt", in: try driver.contents(in: "ref:direct:@anna:hs")))
        #expect(mentions(checklist) == ["@anna:hs"])
    }
}
