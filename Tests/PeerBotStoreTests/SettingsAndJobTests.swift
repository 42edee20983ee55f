import Foundation
import Testing
@testable import PeerBotStore

@Suite struct SettingsAndJobTests {
    @Test(arguments: StoreFlavor.allCases)
    func settingsAreSetReplacedAndRemoved(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        try database.write { try $0.settings.set("language", "da") }
        #expect(try database.read { try $0.settings.value("language") } == "da")
        try database.write { try $0.settings.set("language", "en") }
        #expect(try database.read { try $0.settings.value("language") } == "en")
        try database.write { try $0.settings.set("language", nil) }
        #expect(try database.read { try $0.settings.value("language") } == nil)
        #expect(try database.read { try $0.settings.value("never-set") } == nil)
    }

    @Test(arguments: StoreFlavor.allCases)
    func aJobIsRecordedOnceAndASecondMarkRollsBack(flavor: StoreFlavor) throws {
        let store = try TestStore(flavor)
        let database = store.database
        #expect(try !database.read { try $0.jobs.hasRun(jobKey: "goals:12") })
        try database.write { writer in
            try writer.outbox.enqueue(sendAction(text: "goals for session 12"))
            try writer.jobs.markRun(jobKey: "goals:12", at: fixedDate(0))
        }
        #expect(try database.read { try $0.jobs.hasRun(jobKey: "goals:12") })
        #expect(try !database.read { try $0.jobs.hasRun(jobKey: "goals:13") })

        #expect(throws: StoreError.jobAlreadyRun(jobKey: "goals:12")) {
            try database.write { writer in
                try writer.outbox.enqueue(sendAction(text: "goals for session 12, again"))
                try writer.jobs.markRun(jobKey: "goals:12", at: fixedDate(5))
            }
        }
        #expect(try database.read { try $0.outbox.counts() }.pending == 1)
    }
}
