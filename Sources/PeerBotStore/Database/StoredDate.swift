import Foundation
import GRDB
import PeerLearning

/// A date as the store writes it: TEXT `yyyy-MM-dd HH:mm:ss.SSS` in UTC, the layout GRDB uses
/// for `Date`, so files written before and after read the same.
///
/// The store converts dates itself instead of letting GRDB do it, because GRDB formats and
/// parses them with Foundation's `DateFormatter` and `Calendar`, and those load ICU's data into
/// memory for good; the scheduler converts dates every second.
struct StoredDate: DatabaseValueConvertible, Sendable {
    let date: Date

    init(_ date: Date) { self.date = date }

    var databaseValue: DatabaseValue { Self.text(date).databaseValue }

    static func fromDatabaseValue(_ value: DatabaseValue) -> StoredDate? {
        date(from: value).map(StoredDate.init)
    }

    /// `2026-12-03 13:00:00.250`.
    static func text(_ date: Date) -> String {
        // To the nearest millisecond, counted from 1970 the way Foundation's formatter does it for GRDB.
        let milliseconds = Int64(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down))
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds + 1) / 86_400_000 - 1
        let ofDay = Int(milliseconds - days * 86_400_000)
        let civil = CivilDate(daysSince1970: Int(days))
        // Written digit by digit: every event a batch marks processed stores a date.
        if (0 ... 9999).contains(civil.year) {
            var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 23)
            func put(_ value: Int, at end: Int, width: Int) {
                var value = value
                for index in stride(from: end, to: end - width, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(civil.year, at: 3, width: 4)
            put(civil.month, at: 6, width: 2)
            put(civil.day, at: 9, width: 2)
            put(ofDay / 3_600_000, at: 12, width: 2)
            put(ofDay / 60_000 % 60, at: 15, width: 2)
            put(ofDay / 1000 % 60, at: 18, width: 2)
            put(ofDay % 1000, at: 22, width: 3)
            for (index, separator) in [(4, "-"), (7, "-"), (10, " "), (13, ":"), (16, ":"), (19, ".")] as [(Int, Unicode.Scalar)] {
                bytes[index] = UInt8(ascii: separator)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var text = civil.year.zeroPadded(4) + "-" + civil.month.zeroPadded(2) + "-" + civil.day.zeroPadded(2) + " "
        text += (ofDay / 3_600_000).zeroPadded(2) + ":" + (ofDay / 60_000 % 60).zeroPadded(2) + ":" + (ofDay / 1000 % 60).zeroPadded(2)
        return text + "." + (ofDay % 1000).zeroPadded(3)
    }

    /// Reads what `text` writes, and the shorter SQLite forms (`yyyy-MM-dd`, `yyyy-MM-dd HH:mm`,
    /// `…:ss`, a `T` between date and time, any number of fraction digits); numbers are seconds
    /// since 1970. Anything else is left to GRDB.
    static func date(from value: DatabaseValue) -> Date? {
        switch value.storage {
        case .int64(let seconds): return Date(timeIntervalSince1970: TimeInterval(seconds))
        case .double(let seconds): return Date(timeIntervalSince1970: seconds)
        case .string(let text): return parse(text) ?? Date.fromDatabaseValue(value)
        default: return nil
        }
    }

    private static func parse(_ text: String) -> Date? {
        var digits = DigitReader(Array(text.utf8))
        guard let year = digits.number(4), digits.skip("-"), let month = digits.number(2), digits.skip("-"),
              let day = digits.number(2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = Double(CivilDate(year: year, month: month, day: day).daysSince1970) * 86_400
        if digits.atEnd { return Date(timeIntervalSince1970: seconds) }
        guard digits.skip(" ") || digits.skip("T"), let hour = digits.number(2), digits.skip(":"),
              let minute = digits.number(2), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if digits.skip(":") {
            guard let second = digits.number(2), second < 60 else { return nil }
            seconds += Double(second)
            if digits.skip(".") {
                guard let fraction = digits.fraction() else { return nil }
                seconds += fraction
            }
        }
        return digits.atEnd ? Date(timeIntervalSince1970: seconds) : nil
    }

}

/// Reads fixed-width decimal fields from ASCII bytes.
private struct DigitReader {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += width
        return value
    }

    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            value += Double(bytes[index] - 0x30) * scale
            scale /= 10
            index += 1
        }
        return index > start ? value : nil
    }
}

/// Every record decodes and encodes its dates through `StoredDate`.
public protocol StoredDates {}

extension StoredDates where Self: FetchableRecord {
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { StoredDate.date(from: $0) }
    }
}

extension StoredDates where Self: EncodableRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { StoredDate($0) }
    }
}

extension Date {
    /// This date as the store writes it; use it for every date bound into SQL.
    var stored: StoredDate { StoredDate(self) }
}

extension Row {
    /// A date column the store wrote, read without GRDB's `Decodable` path (records read once
    /// per command are decoded by hand). Throws for NULL or for text that is not a date.
    func storedDate(_ column: String) throws -> Date {
        try decode(StoredDate.self, forColumn: column).date
    }

    /// A date column that may be NULL.
    func optionalStoredDate(_ column: String) throws -> Date? {
        try decode(StoredDate?.self, forColumn: column)?.date
    }
}
