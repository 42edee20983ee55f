import Foundation
import Testing
@testable import PeerBotStore

@Suite struct FeedbackTests {
    @Test(arguments: StoreFlavor.allCases)
    func aStudentSeesTheirOwnAndTheirGroupsFeedback(flavor: StoreFlavor) throws {
        let (store, a, b) = try databaseWithGroups(flavor: flavor)
        let database = store.database
        let (toGroup, toAnna) = try database.write { writer in
            let toGroup = try writer.assessment.addFeedback(
                userID: nil, groupID: a, text: "Clear case presentation", from: "@sup:hs", at: fixedDate(200))
            let toAnna = try writer.assessment.addFeedback(
                userID: "@anna:hs", groupID: nil, text: "Speak up earlier", from: "@sup:hs", at: fixedDate(100))
            try writer.assessment.addFeedback(userID: "@bo:hs", groupID: nil, text: "Well prepared", from: "@sup:hs", at: fixedDate(150))
            try writer.assessment.addFeedback(userID: nil, groupID: b, text: "Start on time", from: "@sup:hs", at: fixedDate(120))
            return (toGroup, toAnna)
        }
        #expect(toAnna == FeedbackRecord(
            id: toAnna.id, userID: "@anna:hs", groupID: nil, text: "Speak up earlier", from: "@sup:hs", at: fixedDate(100)))
        try database.read { reader throws in
            #expect(try reader.assessment.feedback(forStudent: "@anna:hs") == [toAnna, toGroup])
            #expect(try reader.assessment.feedback(forStudent: "@bo:hs").map(\.text) == ["Well prepared", "Clear case presentation"])
            #expect(try reader.assessment.feedback(forStudent: "@cleo:hs").map(\.text) == ["Start on time"])
            #expect(try reader.assessment.feedback(ofGroup: a) == [toGroup])
        }
    }

    @Test func feedbackGoesToExactlyOneKnownStudentOrGroup() throws {
        let (store, a, _) = try databaseWithGroups()
        let database = store.database
        #expect(throws: AssessmentStoreError.invalidFeedbackTarget) {
            try database.write { try $0.assessment.addFeedback(userID: "@anna:hs", groupID: a, text: "x", from: "@sup:hs", at: fixedDate(1)) }
        }
        #expect(throws: AssessmentStoreError.invalidFeedbackTarget) {
            try database.write { try $0.assessment.addFeedback(userID: nil, groupID: nil, text: "x", from: "@sup:hs", at: fixedDate(1)) }
        }
        #expect(throws: RosterStoreError.studentNotOnRoster(userID: "@stranger:hs")) {
            try database.write { try $0.assessment.addFeedback(userID: "@stranger:hs", groupID: nil, text: "x", from: "@sup:hs", at: fixedDate(1)) }
        }
        #expect(throws: RosterStoreError.groupNotFound(id: 999)) {
            try database.write { try $0.assessment.addFeedback(userID: nil, groupID: 999, text: "x", from: "@sup:hs", at: fixedDate(1)) }
        }
        #expect(try database.read { try $0.assessment.feedback(ofGroup: a) }.isEmpty)
    }
}
