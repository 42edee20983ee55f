import Foundation
import Testing
@testable import PeerBotStore

@Suite struct ForgetTests {
    @Test(arguments: StoreFlavor.allCases)
    func forgettingLeavesNothingOfTheStudentButCounts(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        try ForgetFixture.seed(database)
        let traces = [
            ForgetFixture.userID, ForgetFixture.name, ForgetFixture.reflection, ForgetFixture.comment,
            "Hvornaar maaler vi laktat", "Godt overblik i dag", "Laes retningslinjen om sepsis",
        ]
        try database.read { reader throws in
            for trace in traces {
                #expect(try !reader.privacy.placesMentioning(trace).isEmpty, "seeded: \(trace)")
            }
        }

        let counts = try database.write { try $0.privacy.forget(userID: ForgetFixture.userID, at: fixedDate(10_000)) }

        #expect(counts == ForgetFixture.expectedCounts)
        try database.read { reader throws in
            #expect(try reader.privacy.anonymousCounts() == ForgetFixture.expectedCounts)
            for trace in traces {
                let places = try reader.privacy.placesMentioning(trace)
                #expect(places.isEmpty, "\(trace) left in \(places.map { "\($0.table).\($0.column)" })")
            }
        }
    }

    @Test func theClassmatesDataStays() throws {
        let database = try AppDatabase.inMemory()
        let seeded = try ForgetFixture.seed(database, namesake: true)
        let namesake = ForgetFixture.userID + ".example"
        try database.write { try $0.privacy.forget(userID: ForgetFixture.userID, at: fixedDate(10_000)) }

        try database.read { reader throws in
            #expect(try reader.roster.all().map(\.userID) == ["@anna:hs", "@bo:hs", namesake])
            #expect(try reader.groups.members(ofGroup: seeded.groupID).map(\.userID) == ["@anna:hs", "@bo:hs", namesake])
            #expect(try reader.groups.pairCounts().map { "\($0.0)+\($0.1)=\($0.2)" } == [
                "@anna:hs+@bo:hs=2", "@anna:hs+\(namesake)=2", "@bo:hs+\(namesake)=2",
            ])
            #expect(try reader.reflections.all(session: seeded.session).map(\.text) == ["Annas refleksion"])
            #expect(try reader.participation.messageCounts(session: seeded.session) == ["@anna:hs": 1])
            let ratings = try reader.assessment.ratings(round: seeded.round)
            #expect(ratings.map { "\($0.rater)>\($0.subject):\($0.comment ?? "-")" } == ["@anna:hs>@bo:hs:Bo spoerger godt"])
            #expect(try reader.assessment.assignments(round: seeded.round).allSatisfy { $0.rater != ForgetFixture.userID && $0.subject != ForgetFixture.userID })
            #expect(try reader.assessment.feedback(ofGroup: seeded.groupID).map(\.text) == ["Good teamwork"])

            // The group's task stays, no longer saying who created and closed it.
            let task = try #require(try reader.tasks.find(id: seeded.groupTask))
            #expect(task.text == "Book the simulation room")
            #expect(task.createdBy == AppDatabase.forgottenUserID)
            #expect(task.doneBy == AppDatabase.forgottenUserID)
            #expect(try reader.sessions.find(number: seeded.session)?.facilitator == nil)

            #expect(try reader.outbox.item(id: seeded.keptOutboxID) != nil)
            #expect(try reader.outbox.counts() == (1, 0, 0))
            #expect(try reader.settings.value("invitedToSupervision") == #"["@sup:hs", "\#(AppDatabase.forgottenUserID)"]"#)
            #expect(try reader.rooms.direct(userID: ForgetFixture.userID) == nil)
        }
    }

    @Test func forgettingSomeoneUnknownChangesNothing() throws {
        let database = try AppDatabase.inMemory()
        let seeded = try ForgetFixture.seed(database)
        let counts = try database.write { try $0.privacy.forget(userID: "@nobody:hs", at: fixedDate(10_000)) }
        #expect(counts.values.allSatisfy { $0 == 0 })
        try database.read { reader throws in
            #expect(try reader.privacy.anonymousCounts().isEmpty)
            #expect(try reader.roster.all().count == 3)
            #expect(try reader.assessment.ratings(round: seeded.round).count == 5)
            #expect(try reader.outbox.counts() == (6, 1, 0))
        }
    }
}
