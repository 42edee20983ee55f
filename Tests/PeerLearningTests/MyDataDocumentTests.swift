import Foundation
import Testing
import PeerLearning

private let created = Date(timeIntervalSince1970: 1_796_302_800) // 2026-12-03T13:00:00Z

private func sampleDocument() -> MyDataDocument {
    MyDataDocument(
        generated: created,
        profile: MyDataProfile(userID: "@anna:hs", name: "Anna", attributes: ["style": ["visual"]], readyToFacilitate: true),
        groups: ["A"],
        sessions: [MyDataSession(number: 4, group: "A", title: "Sepsis", start: created, confirmedGoals: true,
                                 absent: false, facilitated: true, messages: 12)],
        reflections: [MyDataReflection(session: 4, group: "A", text: "I learned", scope: "private", late: true, created: created)],
        tasks: [MyDataTask(id: 7, group: "A", text: "Read", due: nil, done: false, wholeGroup: false)],
        ratingsGiven: [MyDataRatingGiven(group: "A", subjectUserID: "@bo:hs", subjectName: "Bo", marks: [4, 5, 3, 4, 5],
                                         comment: "good lead", given: created)],
        assessmentResults: [MyDataAssessmentResult(group: "A", completed: created, score: "1.05", band: .around)],
        feedback: [MyDataFeedback(group: nil, from: "Vera", text: "Keep going", created: created)],
        participation: MyDataParticipation(sessions: 1, messages: 12, confirmations: 1, facilitations: 1, reflections: 1))
}

@Test func theDocumentIsReadableJSONThatReadsBack() throws {
    let document = sampleDocument()
    let data = try document.json()
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"created\" : \"2026-12-03T13:00:00Z\""))
    #expect(text.contains("\"ratings_given\"") && text.contains("\"subject_user_id\" : \"@bo:hs\""))
    #expect(text.contains("\"band\" : \"around\"") && text.contains("\"score\" : \"1.05\""))
    // Sorted keys: the top-level sections in alphabetical order.
    let order = ["assessment_results", "feedback", "generated", "groups", "participation", "profile",
                 "ratings_given", "reflections", "sessions", "tasks"]
    let positions = order.compactMap { text.range(of: "\n  \"\($0)\"")?.lowerBound }
    #expect(positions.count == order.count && positions == positions.sorted())
    #expect(try MyDataDocument.decoded(from: data) == document)
}

@Test func theDocumentHoldsNoOneElsesRatingsOfTheStudent() throws {
    let object = try JSONSerialization.jsonObject(with: sampleDocument().json()) as? [String: Any]
    let results = object?["assessment_results"] as? [[String: Any]]
    #expect(results?.first.map { Set($0.keys) } == ["group", "completed", "score", "band"])
    #expect(object?["ratings_received"] == nil)
}

@Test func theFileIsNamedAfterTheStudent() {
    #expect(sampleDocument().fileName == "peerbot-mydata-anna-hs.json")
}

@Test func myDataAndForgetTexts() {
    let ready = Texts(.da).privacy.myDataReady()
    #expect(ready.kind == .mydata && ready.body.contains("JSON"))
    #expect(Texts(.en).privacy.myDataSentToDirectRoom().kind == .reply)
    let forgot = PrivacyTexts.forgetDone(userID: "@anna:hs", counts: ["reflections": 3, "ratings_given": 4, "tasks": 0])
    #expect(forgot == "Erased the personal data of @anna:hs:\n  ratings_given: 4\n  reflections: 3\nAnonymous counts are kept.")
    #expect(PrivacyTexts.forgetDone(userID: "@x:hs", counts: [:]).contains("nothing was erased"))
}
