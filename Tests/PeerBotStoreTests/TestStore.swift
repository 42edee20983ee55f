import Foundation
@testable import PeerBotStore

/// Which kind of database a test runs against.
enum StoreFlavor: String, CaseIterable, Sendable {
    case filePool
    case inMemory
}

/// A database for one test; a file-backed one lives in its own temporary directory.
final class TestStore {
    let database: AppDatabase
    let directory: URL?

    init(_ flavor: StoreFlavor) throws {
        switch flavor {
        case .inMemory:
            directory = nil
            database = try AppDatabase.inMemory()
        case .filePool:
            let directory = TestStore.makeTemporaryDirectory()
            self.directory = directory
            database = try AppDatabase(path: directory.appendingPathComponent("bot.sqlite").path)
        }
    }

    deinit {
        if let directory {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func makeTemporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("peerbot-store-\(UUID().uuidString)")
    }
}

/// Thrown on purpose to make a write transaction fail.
struct DeliberateFailure: Error {}

/// A date with whole seconds, so it survives the database's millisecond precision.
func fixedDate(_ secondsSince2025: TimeInterval) -> Date {
    Date(timeIntervalSince1970: 1_735_689_600 + secondsSince2025)
}

func sendAction(room: String = "!room:hs", text: String = "hello") -> OutboxAction {
    .send(roomID: room, eventType: "m.room.message", contentJSON: #"{"msgtype":"m.notice","body":"\#(text)"}"#)
}

extension StoreWriter {
    /// Adds a roster row the way a database before "v6-roster" holds it (no `removedAt` column yet),
    /// for the upgrade tests.
    func insertLegacyStudent(userID: String, name: String, attributes: [String: [String]], at date: Date) throws {
        try db.execute(sql: """
            INSERT INTO student (userID, name, attributes, position, addedAt, updatedAt)
            VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM student), ?, ?)
            """, arguments: [userID, name, try StudentRecord.attributesJSON(attributes), date.stored, date.stored])
    }
}
