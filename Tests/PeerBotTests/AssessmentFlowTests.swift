import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct AssessmentFlow {
    static let students = ["anna", "bo", "cecilie", "david"]

    /// Group A of four, each with a direct room `!dm<name>:hs`.
    func driver(_ start: RoomDriver = RoomDriver()) throws -> RoomDriver {
        let driver = try SessionFlow().driverWithGroup(start)
        try driver.database.write { writer in
            for name in Self.students {
                try RoomRefs.register(ref: RoomRef.direct("@\(name):hs").string, roomID: "!dm\(name):hs", writer: writer)
            }
        }
        return driver
    }

    func requests(_ driver: RoomDriver, to name: String) throws -> [JSONValue] {
        try driver.contents(in: "!dm\(name):hs").filter { $0["peerbot.kind"] == "assessment_request" && $0["peerbot.subject"] != nil }
    }

    @Test func aRoundAsksOnePeerAtATimeRepeatsTheFormatAndScoresWithWebPA() throws {
        var driver = try driver()
        let started = try #require(try driver.say("!evaluer A"))
        #expect(started["peerbot.error"] == nil)
        #expect(try requests(driver, to: "anna").count == 1)
        let wrong = try #require(try driver.say("4 5 3 4", from: "@anna:hs", in: "!dmanna:hs"))
        #expect(wrong["peerbot.error"] == "bad_arguments")
        #expect(try driver.database.read { try $0.assessment.ratings(round: 1) }.isEmpty)
        // Everyone gives every peer the same marks except Anna, who gets 5s; David never answers.
        for name in ["anna", "bo", "cecilie"] {
            for _ in 0..<3 {
                let subject = try #require(try requests(driver, to: name).last?["peerbot.subject"]?.stringValue)
                let marks = subject == "@anna:hs" ? "5 5 5 5 5 fin leder" : "3 3 3 3 3"
                _ = try driver.say(marks, from: "@\(name):hs", in: "!dm\(name):hs")
            }
        }
        #expect(try requests(driver, to: "anna").count == 3)
        let config = driver.config
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        _ = try driver.database.write { try AssessmentJobs().runDue(now: round.deadline.addingTimeInterval(1), config: config, writer: $0) }
        let result = try #require(try driver.contents(in: RoomDriver.room).last { $0["peerbot.kind"] == "assessment_result" })
        // David never answered. Anna gives 3 to each peer: F = 1/3 each. Bo and Cecilie each give Anna 5 and
        // the other two 3: totals 25 + 15 + 15 = 55, F(Anna) = 25/55. |P| = 3 for every rater, so
        // w(Anna) = (25/55 · 3 + 25/55 · 3) / 2 = 1.36; the test computes every member the same way.
        let expected = Self.webPA(["@anna:hs": ["@bo:hs": 3, "@cecilie:hs": 3, "@david:hs": 3],
                                   "@bo:hs": ["@anna:hs": 5, "@cecilie:hs": 3, "@david:hs": 3],
                                   "@cecilie:hs": ["@anna:hs": 5, "@bo:hs": 3, "@david:hs": 3]], members: 4)
        for (user, score) in expected {
            #expect(result["peerbot.scores"]?[user]?.stringValue == score, "\(user)")
        }
        #expect(result["peerbot.scores"]?["@anna:hs"] == "1.36" && result["peerbot.scores"]?["@david:hs"] == "0.88")
        #expect(result["body"]?.stringValue?.contains("fin leder") == true)
        // Nothing reaches a student at the close: the band and comments wait for !release.
        for name in Self.students {
            #expect(try !driver.contents(in: "!dm\(name):hs").contains { $0["peerbot.kind"] == "feedback" || $0["peerbot.kind"] == "release" })
        }
        _ = try driver.say("!eksport")
        let files = try driver.actions().compactMap { action -> OutgoingFile? in
            guard case .sendFile(RoomDriver.room, let json) = action else { return nil }
            return try? JSONDecoder().decode(OutgoingFile.self, from: Data(json.utf8))
        }
        #expect(files.map(\.filename) == ["reflections.csv", "participation.csv", "tasks.csv", "assessments.csv", "feedback.csv"])
        let csv = String(decoding: Data(base64Encoded: files.first { $0.filename == "assessments.csv" }?.data ?? "") ?? Data(), as: UTF8.self)
        #expect(csv.contains("@anna:hs,Anna,1.36,"))
        #expect(csv.contains("@david:hs,David,") && csv.contains("no_submission"))
    }

    /// The fair WebPA score by hand: every criterion gets the same mark here, so F(i,j) = mark(i,j) / Σk mark(i,k),
    /// and w(j) = the mean over j's raters of F(i,j) · |P(i)|.
    static func webPA(_ marks: [String: [String: Int]], members n: Int) -> [String: String] {
        var received: [String: [Double]] = [:]
        for (_, given) in marks {
            let total = Double(given.values.reduce(0, +))
            for (subject, mark) in given { received[subject, default: []].append(Double(mark) / total * Double(given.count)) }
        }
        return received.mapValues { String(format: "%.2f", $0.reduce(0, +) / Double($0.count)) }
    }

    @Test func feedbackReachesOnlyTheStudentsDirectRoomAndMyDataIsAFile() throws {
        var driver = try driver()
        let sent = try #require(try driver.say("!feedback @bo:hs Godt arbejde med casen"))
        #expect(sent["peerbot.error"] == nil)
        #expect(try driver.contents(in: "!dmbo:hs").contains { $0["body"]?.stringValue?.contains("Godt arbejde med casen") == true })
        #expect(try !driver.contents(in: "!dmanna:hs").contains { $0["body"]?.stringValue?.contains("Godt arbejde") == true })
        #expect(try !driver.contents(in: "!groupA:hs").contains { $0["body"]?.stringValue?.contains("Godt arbejde") == true })
        _ = try driver.say("!mine data", from: "@bo:hs", in: "!groupA:hs")
        let file = try driver.actions().compactMap { action -> OutgoingFile? in
            guard case .sendFile("!dmbo:hs", let json) = action else { return nil }
            return try? JSONDecoder().decode(OutgoingFile.self, from: Data(json.utf8))
        }.first
        let data = try #require(file.flatMap { Data(base64Encoded: $0.data) })
        let document = try MyDataDocument.decoded(from: data)
        #expect(document.profile.userID == "@bo:hs")
        #expect(document.feedback.map(\.text) == ["Godt arbejde med casen"])
        let exported = try driver.database.read { try ExportBuilder(reader: $0).document(group: nil) }
        #expect(exported?.feedback.map(\.userID) == ["@bo:hs"])
    }
}
