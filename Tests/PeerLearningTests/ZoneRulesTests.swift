import Foundation
import Testing
@testable import PeerLearning

private func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

@Test func copenhagenChangesAtTheEuropeanHours() throws {
    let zone = try #require(ZoneRules.named("Europe/Copenhagen"))
    #expect(zone.secondsFromGMT(for: instant("2026-03-29T00:59:59Z")) == 3600)
    #expect(zone.secondsFromGMT(for: instant("2026-03-29T01:00:00Z")) == 7200)
    #expect(zone.secondsFromGMT(for: instant("2026-10-25T00:59:59Z")) == 7200)
    #expect(zone.secondsFromGMT(for: instant("2026-10-25T01:00:00Z")) == 3600)
    // Far past the file's table the footer rule decides.
    #expect(zone.secondsFromGMT(for: instant("2091-07-01T12:00:00Z")) == 7200)
    #expect(zone.secondsFromGMT(for: instant("2091-12-01T12:00:00Z")) == 3600)
}

/// Foundation's ICU-backed zones are the reference: every 13 hours over 80 years, in zones with
/// northern and southern summers, half-hour and 45-minute offsets, and Dublin's negative DST.
@Test(arguments: ["Europe/Copenhagen", "Europe/London", "Europe/Dublin", "America/New_York", "America/St_Johns",
                  "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "Asia/Tokyo"])
func offsetsAgreeWithFoundation(_ name: String) throws {
    let ours = try #require(ZoneRules.named(name))
    let reference = try #require(TimeZone(identifier: name))
    var date = instant("1980-01-01T00:00:00Z")
    let end = instant("2060-01-01T00:00:00Z")
    var mismatches: [String] = []
    while date < end {
        if ours.secondsFromGMT(for: date) != reference.secondsFromGMT(for: date) { mismatches.append("\(date)") }
        date.addTimeInterval(13 * 3600)
    }
    #expect(mismatches.isEmpty, "\(name) differs at \(mismatches.prefix(5))")
}

@Test func unknownOrUnsafeNamesAreRefused() {
    #expect(ZoneRules.named("Nowhere/Land") == nil)
    #expect(ZoneRules.named("../../etc/passwd") == nil)
    #expect(ZoneRules.named("/etc/localtime") == nil)
    #expect(ZoneRules.named("Europe//Copenhagen") == nil)
    #expect(ZoneRules.named("") == nil)
    #expect(ZoneRules.named("UTC") == .utc)
}

@Test func brokenFilesAreNamedAsSuch() {
    #expect(throws: ZoneRulesError.notTZif) { try ZoneRules(tzif: Array("hello, world".utf8), identifier: "x") }
    let real = try! ZoneRules.bytes(of: "Europe/Copenhagen")
    #expect(throws: ZoneRulesError.truncated) { try ZoneRules(tzif: Array(real.prefix(200)), identifier: "x") }
}

@Test func posixRulesReadTheirParts() throws {
    let dublin = try #require(PosixZoneRule("IST-1GMT0,M10.5.0,M3.5.0/1"))
    #expect(dublin.standardOffset == 3600)
    #expect(dublin.daylight?.offset == 0)
    let kolkata = try #require(PosixZoneRule("IST-5:30"))
    #expect(kolkata.standardOffset == 19_800 && kolkata.daylight == nil)
    let quoted = try #require(PosixZoneRule("<+0545>-5:45"))
    #expect(quoted.standardOffset == 20_700)
    let newYork = try #require(PosixZoneRule("EST5EDT,M3.2.0,M11.1.0"))
    #expect(newYork.offset(at: Int64(instant("2026-07-01T12:00:00Z").timeIntervalSince1970)) == -14_400)
    #expect(newYork.offset(at: Int64(instant("2026-01-01T12:00:00Z").timeIntervalSince1970)) == -18_000)
    let julian = try #require(PosixZoneRule("XST-2XDT,J60/0,J300/0"))
    // J60 is 1 March in every year, leap or not.
    #expect(julian.offset(at: Int64(instant("2028-02-29T21:59:59Z").timeIntervalSince1970)) == 7200)
    #expect(julian.offset(at: Int64(instant("2028-02-29T22:00:00Z").timeIntervalSince1970)) == 10_800)
    for bad in ["", "AB", "CET", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-1CEST,M3.5.0,M10.5.0/x", "CET-200"] {
        #expect(PosixZoneRule(bad) == nil, "\(bad) was read")
    }
}

@Test func civilDaysRoundTripAndKnowTheirWeekdays() {
    for days in stride(from: -1_000_000, through: 1_000_000, by: 997) {
        #expect(CivilDate(daysSince1970: days).daysSince1970 == days)
    }
    #expect(CivilDate(year: 1970, month: 1, day: 1).daysSince1970 == 0)
    #expect(CivilDate(year: 2000, month: 3, day: 1).daysSince1970 == 11_017)
    #expect(CivilDate(daysSince1970: -1) == CivilDate(year: 1969, month: 12, day: 31))
    #expect(CivilDate(year: 2026, month: 12, day: 3).weekday == .thursday)
    #expect(CivilDate(year: 1969, month: 12, day: 31).weekday == .wednesday)
    #expect(CivilDate(year: 2028, month: 2, day: 28).adding(days: 1) == CivilDate(year: 2028, month: 2, day: 29))
}

@Test func localTimeReadsTheClock() throws {
    let zone = try #require(ZoneRules.named("Europe/Copenhagen"))
    let local = LocalTime(instant("2026-12-31T23:30:15Z"), in: zone)
    #expect(local.date == CivilDate(year: 2027, month: 1, day: 1))
    #expect((local.hour, local.minute, local.second) == (0, 30, 15))
    #expect(SessionTimeFormat.isoDay(instant("2026-12-31T23:30:15Z"), timeZone: zone) == "2027-01-01")
    #expect(SessionTimeFormat.isoInstant(instant("2026-12-31T23:30:15Z")) == "2026-12-31T23:30:15Z")
    #expect(CohortNaming.cohort(at: instant("2026-11-29T12:00:00Z"), timeZone: zone, language: .da) == "Hold nov. 2026")
    #expect(CohortNaming.cohort(at: instant("2026-05-02T12:00:00Z"), timeZone: zone, language: .en) == "Cohort May 2026")
}

extension ZoneRules {
    static func bytes(of name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/" + name)))
    }
}
