import Foundation
import GRDB
import Testing
@testable import PeerBotStore

/// The store's own date text must be byte for byte what GRDB writes for a `Date`, so files
/// written by either read the same and compare the same in SQL.
@Test func storedTextMatchesGRDBsLayout() {
    var generator = SystemRandomNumberGenerator()
    var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: 951_782_400),
                 Date(timeIntervalSince1970: 1_796_738_400.999), Date(timeIntervalSince1970: -2_208_988_800.5)]
    for _ in 0..<2000 {
        dates.append(Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
    }
    for date in dates {
        #expect(date.stored.databaseValue == date.databaseValue, "\(date.timeIntervalSince1970)")
    }
}

@Test func storedTextReadsBackToTheMillisecond() {
    for seconds in stride(from: -1_000_000_000.0, through: 3_000_000_000.0, by: 7_777_777.123) {
        let date = Date(timeIntervalSince1970: seconds)
        let read = StoredDate.date(from: date.stored.databaseValue)!
        #expect(abs(read.timeIntervalSince1970 - seconds) <= 0.0005 + 1e-6)
    }
}

@Test func shorterSQLiteFormsAndNumbersAreRead() {
    let cases: [(DatabaseValue, Double)] = [
        ("2026-12-03".databaseValue, 1_796_256_000),
        ("2026-12-03 13:00".databaseValue, 1_796_302_800),
        ("2026-12-03T13:00:05".databaseValue, 1_796_302_805),
        ("2026-12-03 13:00:05.5".databaseValue, 1_796_302_805.5),
        (1_796_302_805.databaseValue, 1_796_302_805),
        (1_796_302_805.25.databaseValue, 1_796_302_805.25),
    ]
    for (value, seconds) in cases {
        #expect(StoredDate.date(from: value)?.timeIntervalSince1970 == seconds, "\(value)")
    }
    #expect(StoredDate.date(from: "not a date".databaseValue) == nil)
    #expect(StoredDate.date(from: .null) == nil)
}
