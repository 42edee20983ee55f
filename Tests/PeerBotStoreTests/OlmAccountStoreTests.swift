import Foundation
import GRDB
import Testing
@testable import PeerBotStore

@Suite struct OlmAccountStoreTests {
    @Test func aFreshDatabaseHasNoAccount() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.read { try $0.keys.account() } == nil)
    }

    @Test func theAccountSurvivesReopeningAndItsPickleIsUpdatedInPlace() throws {
        let store = try TestStore(.filePool)
        let path = try #require(store.directory).appendingPathComponent("bot.sqlite").path
        try store.database.write { try $0.keys.createAccount(deviceID: "BOTDEVICE", pickle: "sealed-1", at: fixedDate(10)) }
        try store.database.write { try $0.keys.updateAccount(pickle: "sealed-2", at: fixedDate(20)) }
        let reopened = try AppDatabase(path: path)
        let account = try #require(try reopened.read { try $0.keys.account() })
        #expect(account.deviceID == "BOTDEVICE")
        #expect(account.pickle == "sealed-2")
        #expect(account.createdAt == fixedDate(10))
        #expect(account.updatedAt == fixedDate(20))
    }

    @Test func aSecondAccountIsRefusedAndTheFirstStays() throws {
        let database = try AppDatabase.inMemory()
        try database.write { try $0.keys.createAccount(deviceID: "ONE", pickle: "p1", at: fixedDate(1)) }
        #expect(throws: OlmAccountStoreError.accountExists(deviceID: "ONE")) {
            try database.write { try $0.keys.createAccount(deviceID: "TWO", pickle: "p2", at: fixedDate(2)) }
        }
        #expect(try database.read { try $0.keys.account() }?.deviceID == "ONE")
        #expect(try database.read { try $0.keys.account() }?.pickle == "p1")
    }

    @Test func updatingWithoutAnAccountOrWithAnEmptyPickleIsRefused() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: OlmAccountStoreError.noAccount) {
            try database.write { try $0.keys.updateAccount(pickle: "p", at: fixedDate(1)) }
        }
        #expect(throws: OlmAccountStoreError.emptyPickle) {
            try database.write { try $0.keys.createAccount(deviceID: "D", pickle: "", at: fixedDate(1)) }
        }
        #expect(try database.read { try $0.keys.account() } == nil)
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
        try database.write { try $0.keys.createAccount(deviceID: "D", pickle: "SEALEDSECRET", at: fixedDate(1)) }
        let account = try #require(try database.read { try $0.keys.account() })
        #expect(!"\(account)".contains("SEALEDSECRET"))
        #expect("\(account)".contains("D"))
    }
}

@Suite struct EncryptionSessionStoreTests {
    func roomKey(index: Int64, pickle: String) -> StoredMegolmSession {
        StoredMegolmSession(roomID: "!r:hs", senderKey: "curve-A", sessionID: "S1", senderUserID: "@a:hs",
                            signingKey: "ed-A", firstKnownIndex: index, pickle: pickle)
    }

    @Test func aRoomKeyIsReplacedOnlyByOneReachingFurtherBack() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.write { try $0.keys.saveMegolmSession(roomKey(index: 5, pickle: "from-5"), at: fixedDate(1)) })
        #expect(try !database.write { try $0.keys.saveMegolmSession(roomKey(index: 9, pickle: "from-9"), at: fixedDate(2)) })
        #expect(try !database.write { try $0.keys.saveMegolmSession(roomKey(index: 5, pickle: "again-5"), at: fixedDate(3)) })
        #expect(try database.read { try $0.keys.megolmSession(roomID: "!r:hs", senderKey: "curve-A", sessionID: "S1") }?.pickle == "from-5")
        #expect(try database.write { try $0.keys.saveMegolmSession(roomKey(index: 0, pickle: "from-0"), at: fixedDate(4)) })
        #expect(try database.read { try $0.keys.megolmSession(roomID: "!r:hs", senderKey: "curve-A", sessionID: "S1") }?.firstKnownIndex == 0)
        // The same session id from another device key is another key altogether.
        #expect(try database.read { try $0.keys.megolmSession(roomID: "!r:hs", senderKey: "curve-B", sessionID: "S1") } == nil)
    }

    @Test func olmSessionsAreUpdatedInPlaceAndListedNewestUsedFirst() throws {
        let database = try AppDatabase.inMemory()
        try database.write { writer in
            try writer.keys.saveOlmSession(sessionID: "old", senderKey: "curve-A", pickle: "p1", at: fixedDate(1))
            try writer.keys.saveOlmSession(sessionID: "new", senderKey: "curve-A", pickle: "p2", at: fixedDate(2))
            try writer.keys.saveOlmSession(sessionID: "other", senderKey: "curve-B", pickle: "p3", at: fixedDate(3))
        }
        #expect(try database.read { try $0.keys.olmSessions(senderKey: "curve-A") }.map(\.sessionID) == ["new", "old"])
        try database.write { try $0.keys.saveOlmSession(sessionID: "old", senderKey: "curve-A", pickle: "p1b", at: fixedDate(4)) }
        let sessions = try database.read { try $0.keys.olmSessions(senderKey: "curve-A") }
        #expect(sessions.map(\.sessionID) == ["old", "new"])
        #expect(sessions.first?.pickle == "p1b")
        #expect(!"\(sessions[0])".contains("p1b"))
    }
}
