import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct OlmAccountStoreTests {
    @Test func aFreshDatabaseHasNoAccount() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.read { try $0.olmAccount() } == nil)
    }

    @Test func theAccountSurvivesReopeningAndItsPickleIsUpdatedInPlace() throws {
        let store = try TestStore(.filePool)
        let path = try #require(store.directory).appendingPathComponent("bot.sqlite").path
        try store.database.write { try $0.createOlmAccount(deviceID: "BOTDEVICE", pickle: "sealed-1", at: fixedDate(10)) }
        try store.database.write { try $0.updateOlmAccount(pickle: "sealed-2", at: fixedDate(20)) }
        let reopened = try AppDatabase(path: path)
        let account = try #require(try reopened.read { try $0.olmAccount() })
        #expect(account.deviceID == "BOTDEVICE")
        #expect(account.pickle == "sealed-2")
        #expect(account.createdAt == fixedDate(10))
        #expect(account.updatedAt == fixedDate(20))
    }

    @Test func aSecondAccountIsRefusedAndTheFirstStays() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.createOlmAccount(deviceID: "ONE", pickle: "p1", at: fixedDate(1)) }
        #expect(throws: OlmAccountStoreError.accountExists(deviceID: "ONE")) {
            try database.write { try $0.createOlmAccount(deviceID: "TWO", pickle: "p2", at: fixedDate(2)) }
        }
        #expect(try database.read { try $0.olmAccount() }?.deviceID == "ONE")
        #expect(try database.read { try $0.olmAccount() }?.pickle == "p1")
    }

    @Test func updatingWithoutAnAccountOrWithAnEmptyPickleIsRefused() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: OlmAccountStoreError.noAccount) {
            try database.write { try $0.updateOlmAccount(pickle: "p", at: fixedDate(1)) }
        }
        #expect(throws: OlmAccountStoreError.emptyPickle) {
            try database.write { try $0.createOlmAccount(deviceID: "D", pickle: "", at: fixedDate(1)) }
        }
        #expect(try database.read { try $0.olmAccount() } == nil)
    }

    @Test func theSchemaHoldsOneRowAndADeviceID() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO olmAccount (id, deviceID, pickle, createdAt, updatedAt) VALUES (2, 'D', 'p', 0, 0)")
            }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO olmAccount (id, deviceID, pickle, createdAt, updatedAt) VALUES (1, '', 'p', 0, 0)")
            }
        }
    }

    @Test func itsDescriptionHidesThePickle() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.createOlmAccount(deviceID: "D", pickle: "SEALEDSECRET", at: fixedDate(1)) }
        let account = try #require(try database.read { try $0.olmAccount() })
        #expect(!"\(account)".contains("SEALEDSECRET"))
        #expect("\(account)".contains("D"))
    }
}
