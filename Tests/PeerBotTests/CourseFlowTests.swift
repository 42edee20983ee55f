import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// `!release`, `!extend` and `!overview` against the router and the scheduled jobs, without I/O.
@Suite struct CourseFlow {
    /// Runs one round of group A: everyone rates every peer 3s except the comments given here;
    /// Anna never answers. Closes it at the deadline.
    func closedRound(_ driver: inout RoomDriver, comments: [String: [String: String]]) throws {
        _ = try driver.say("!evaluer A")
        for name in ["bo", "cecilie", "david"] {
            for _ in 0..<3 {
                let subject = try #require(try AssessmentFlow().requests(driver, to: name).last?["peerbot.subject"]?.stringValue)
                let comment = comments[name]?[subject].map { " " + $0 } ?? ""
                _ = try driver.say("3 3 3 3 3" + comment, from: "@\(name):hs", in: "!dm\(name):hs")
            }
        }
        let config = driver.config
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        _ = try driver.database.write { try AssessmentJobs().runDue(now: round.deadline.addingTimeInterval(1), config: config, writer: $0) }
    }

    func released(_ driver: RoomDriver, _ name: String) throws -> [JSONValue] {
        try driver.contents(in: "!dm\(name):hs").filter { $0["peerbot.kind"] == "release" }
    }

    @Test func releaseSendsBandsAndAnonymousCommentsOnceAndOnlyAfterTheClose() throws {
        var driver = try AssessmentFlow().driver()
        let early = try #require(try driver.say("!frigiv A"))
        #expect(early["peerbot.error"] == "not_found")
        _ = try driver.say("!evaluer A")
        let open = try #require(try driver.say("!frigiv A"))
        #expect(open["peerbot.error"] == "conflict")
        // Three peers comment on Anna, one on Bo, none on the others.
        let comments = ["bo": ["@anna:hs": "god til at lytte"], "cecilie": ["@anna:hs": "tog ansvar", "@bo:hs": "stille i dag"],
                        "david": ["@anna:hs": "klar struktur"]]
        try driver.database.write { writer in
            let round = try #require(try writer.assessment.openRounds().first)
            try writer.assessment.closeRound(round.id, resultOutboxID: nil, at: Date())
        }
        try closedRound(&driver, comments: comments)
        for name in AssessmentFlow.students { #expect(try released(driver, name).isEmpty, "\(name) saw something before !release") }

        let reply = try #require(try driver.say("!frigiv A"))
        #expect(reply["peerbot.error"] == nil && reply["peerbot.kind"] == "reply")
        #expect(reply["body"]?.stringValue?.contains("Round 2") == true)
        let anna = try #require(try released(driver, "anna").first)
        let body = anna["body"]?.stringValue ?? ""
        #expect(body.contains("god til at lytte") && body.contains("tog ansvar") && body.contains("klar struktur"))
        for peer in ["Bo", "Cecilie", "David", "@bo:hs", "@cecilie:hs", "@david:hs"] {
            #expect(!body.contains(peer) && !(anna["formatted_body"]?.stringValue ?? "").contains(peer), "Anna's release names \(peer)")
        }
        #expect(anna["m.mentions"]?["user_ids"] == ["@anna:hs"] && anna["peerbot.group"] == "A")
        // Bo has one comment, fewer than min_anonymous_comments (2): told so, the comment not shown.
        let bo = try #require(try released(driver, "bo").first?["body"]?.stringValue)
        #expect(!bo.contains("stille i dag") && bo.contains("Færre end 2"))
        #expect(try released(driver, "david").first?["body"]?.stringValue?.contains("omkring gruppens gennemsnit") == true)

        let again = try #require(try driver.say("!frigiv A"))
        #expect(again["peerbot.error"] == "conflict")
        for name in AssessmentFlow.students { #expect(try released(driver, name).count == 1) }
        let first = try #require(try driver.say("!frigiv A 1"))
        #expect(first["peerbot.error"] == nil)
        #expect(try released(driver, "anna").count == 2)
        let student = try #require(try driver.say("!frigiv A", from: "@anna:hs", in: "!dmanna:hs"))
        #expect(student["peerbot.error"] == "forbidden")
    }

    @Test func anExtensionMakesALateReflectionOnTimeAndMovesTheAssessmentDeadline() throws {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!session plan A +1h 1h Sepsis")
        let session = try #require(try driver.database.read { try $0.sessions.all(ofGroup: 1).first })
        // Prompted 90 minutes ago with a one-hour deadline: reflections now are late (and still taken for another hour).
        let past = Date().addingTimeInterval(-5400)
        try driver.database.write { try $0.reflections.openRound(session: session.number, promptOutboxID: nil, at: past, deadline: past.addingTimeInterval(3600)) }

        let granted = try #require(try driver.say("!forlæng @anna:hs 2h"))
        #expect(granted["peerbot.error"] == nil, "\(granted)")
        let told = try #require(try driver.contents(in: "!dmanna:hs").last)
        #expect(told["peerbot.kind"] == "reminder" && told["m.mentions"]?["user_ids"] == ["@anna:hs"])
        #expect(told["body"]?.stringValue?.contains("session #\(session.number)") == true)
        _ = try driver.say("Jeg lærte at spørge ind til smerter", from: "@anna:hs", in: "!dmanna:hs")
        _ = try driver.say("For sent, men her er den", from: "@bo:hs", in: "!dmbo:hs")
        let kept = try driver.database.read { try $0.reflections.all(session: session.number) }
        #expect(kept.first { $0.userID == "@anna:hs" }?.late == false)
        #expect(kept.first { $0.userID == "@bo:hs" }?.late == true)

        let tooLong = try #require(try driver.say("!forlæng @bo:hs 31d"))
        #expect(tooLong["peerbot.error"] == "bad_arguments")
        let nothing = try #require(try driver.say("!extend @bo:hs 1h"))
        #expect(nothing["peerbot.error"] == "conflict")

        _ = try driver.say("!evaluer A")
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        _ = try driver.say("!extend @bo:hs 1h")
        let config = driver.config
        _ = try driver.database.write { try AssessmentJobs().runDue(now: round.deadline.addingTimeInterval(1), config: config, writer: $0) }
        #expect(try driver.database.read { try $0.assessment.round(id: round.id)?.isOpen } == true)
        _ = try driver.database.write { try AssessmentJobs().runDue(now: round.deadline.addingTimeInterval(3601), config: config, writer: $0) }
        #expect(try driver.database.read { try $0.assessment.round(id: round.id)?.isOpen } == false)
    }

    @Test func withSelfAssessmentAStudentRatesThemselvesFirst() throws {
        var driver = try AssessmentFlow().driver()
        driver.config.selfAssessment = true
        _ = try driver.say("!evaluer A")
        let first = try #require(try AssessmentFlow().requests(driver, to: "bo").first)
        #expect(first["peerbot.subject"] == "@bo:hs" && first["body"]?.stringValue?.contains("dig selv") == true)
        _ = try driver.say("4 4 4 4 4", from: "@bo:hs", in: "!dmbo:hs")
        let second = try #require(try AssessmentFlow().requests(driver, to: "bo").last?["peerbot.subject"]?.stringValue)
        #expect(second != "@bo:hs")
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        let order = try driver.database.read { try $0.assessment.assignments(round: round.id) }.filter { $0.rater == "@bo:hs" }.map(\.subject)
        #expect(order == ["@bo:hs", "@anna:hs", "@cecilie:hs", "@david:hs"])
    }

    @Test func aPillIsResolvedFromMentions() throws {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!evaluer A")
        let event = driver.builder.event(sender: RoomDriver.sup, ts: Int64(Date().timeIntervalSince1970 * 1000),
                                         content: ["msgtype": "m.text", "body": "!extend Cecilie 1h",
                                                   "m.mentions": ["user_ids": ["@bot:hs", "@cecilie:hs"]]])
        try driver.deliver([event], in: RoomDriver.room)
        let reply = try #require(try driver.contents().last { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == event.eventID })
        #expect(reply["peerbot.error"] == nil && reply["body"]?.stringValue?.contains("Cecilie") == true)
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        #expect(try driver.database.read { try $0.deadlines.extensions(.assessment(round: round.id)) }.keys.sorted() == ["@cecilie:hs"])
        let unknown = try #require(try driver.say("!extend Nobody 1h"))
        #expect(unknown["peerbot.error"] == "not_found")
    }

    @Test func theOverviewHasARowPerStudentWithTheScoreTrend() throws {
        var driver = try AssessmentFlow().driver()
        try closedRound(&driver, comments: [:])
        try closedRound(&driver, comments: [:])
        _ = try driver.say("!ready @bo:hs")
        let overview = try #require(try driver.say("!overview A"))
        #expect(overview["peerbot.kind"] == "overview")
        let body = overview["body"]?.stringValue ?? ""
        // Anna never submitted; the others rated everyone 3s: Anna 1.00 both times.
        #expect(body.contains("Anna: no peer-assessment submission twice in a row"))
        #expect(body.contains("Bo: ready to facilitate but has never facilitated") == false) // no session yet
        #expect(body.contains("WebPA 1.00 → 1.00 →"))
        let html = overview["formatted_body"]?.stringValue ?? ""
        // A block per student, each name a pill one can tap.
        #expect(!html.contains("<table") && html.contains("<p><strong><a href=\"https://matrix.to/#/@anna:hs\">Anna</a> ⚠</strong><br>"))
        // Asked in the group room, it still goes only to the supervisor room.
        let elsewhere = try #require(try driver.say("!overblik", in: "!groupA:hs"))
        #expect(elsewhere["peerbot.kind"] == "reply")
        #expect(try !driver.contents(in: "!groupA:hs").contains { $0["peerbot.kind"] == "overview" })
        #expect(try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "overview" }.count == 2)
    }

    @Test func theWeeklyOverviewRunsOnceAWeekAndCanBeTurnedOff() throws {
        let driver = try AssessmentFlow().driver()
        var weekly = driver.config
        weekly.overviewAt = try #require(WeeklyTime.parse("mon 08:00"))
        let config = weekly
        var off = weekly
        off.overviewAt = nil
        let disabled = off
        let later = Date().addingTimeInterval(8 * 86_400)
        let count = { (driver: RoomDriver) in try driver.contents(in: RoomDriver.room).filter { $0["peerbot.kind"] == "overview" }.count }
        // A group formed after the latest Monday 08:00 waits for the next one. Asked at the moment
        // the group was formed, so no Monday 08:00 can fall between its forming and the question.
        let formed = try #require(try driver.database.read { try $0.groups.active() }.map(\.createdAt).max())
        _ = try driver.database.write { try OverviewJobs().runDue(now: formed, config: config, writer: $0) }
        #expect(try count(driver) == 0)
        _ = try driver.database.write { try OverviewJobs().runDue(now: later, config: config, writer: $0) }
        _ = try driver.database.write { try OverviewJobs().runDue(now: later.addingTimeInterval(60), config: config, writer: $0) }
        #expect(try count(driver) == 1)
        _ = try driver.database.write { try OverviewJobs().runDue(now: later.addingTimeInterval(8 * 86_400), config: disabled, writer: $0) }
        #expect(try count(driver) == 1)
    }
}
