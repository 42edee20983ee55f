import Foundation
import Testing
import PeerLearning

@Test(arguments: [
    ("2026-05-04 09:15", WhenSpec.absolute(year: 2026, month: 5, day: 4, hour: 9, minute: 15)),
    ("2028-02-29 23:59", .absolute(year: 2028, month: 2, day: 29, hour: 23, minute: 59)),
    ("14:00", .timeOfDay(hour: 14, minute: 0)),
    ("9:05", .timeOfDay(hour: 9, minute: 5)),
    ("14.30", .timeOfDay(hour: 14, minute: 30)),
    ("tomorrow 08:00", .tomorrow(hour: 8, minute: 0)),
    ("Tomorrow at 8:00", .tomorrow(hour: 8, minute: 0)),
    ("i morgen 08:00", .tomorrow(hour: 8, minute: 0)),
    ("I MORGEN kl. 8", .tomorrow(hour: 8, minute: 0)),
    ("imorgen kl 8.30", .tomorrow(hour: 8, minute: 30)),
    ("wed 14:00", .weekday(.wednesday, hour: 14, minute: 0)),
    ("ons 14:00", .weekday(.wednesday, hour: 14, minute: 0)),
    ("Wednesday 14:00", .weekday(.wednesday, hour: 14, minute: 0)),
    ("onsdag kl. 14", .weekday(.wednesday, hour: 14, minute: 0)),
    ("man 7:45", .weekday(.monday, hour: 7, minute: 45)),
    ("tirsdag 10:00", .weekday(.tuesday, hour: 10, minute: 0)),
    ("tor 10:00", .weekday(.thursday, hour: 10, minute: 0)),
    ("fre 10:00", .weekday(.friday, hour: 10, minute: 0)),
    ("lør 10:00", .weekday(.saturday, hour: 10, minute: 0)),
    ("Søndag 10:00", .weekday(.sunday, hour: 10, minute: 0)),
    ("sun 10:00", .weekday(.sunday, hour: 10, minute: 0)),
    ("+10m", .relative(seconds: 600)),
    ("+1h30m", .relative(seconds: 5400)),
    ("+45s", .relative(seconds: 45)),
    ("kl. 14", .timeOfDay(hour: 14, minute: 0)),
    ("kl. 14.30", .timeOfDay(hour: 14, minute: 30)),
    ("Kl 9", .timeOfDay(hour: 9, minute: 0)),
    ("at 9:15", .timeOfDay(hour: 9, minute: 15)),
    ("i morgen kl. 14.30", .tomorrow(hour: 14, minute: 30)),
    ("i morgen kl. 9", .tomorrow(hour: 9, minute: 0)),
    ("tors 13.30", .weekday(.thursday, hour: 13, minute: 30)),
    ("+90 min", .relative(seconds: 5400)),
    ("+1t30m", .relative(seconds: 5400)),
    ("+1 time", .relative(seconds: 3600)),
])
func whenIsRead(_ text: String, _ expected: WhenSpec) {
    #expect(WhenSpec.parse(text) == expected)
}

@Test(arguments: ["", "14", "24:00", "14:60", "14:5", "2026-13-01 10:00", "2026-02-29 10:00", "2026-04-31 10:00",
                  "2026-05-04", "tomorrow", "i morgen", "wed", "someday 10:00", "+0m", "+", "-10m",
                  "14:00 extra", "i 14:00", "26-05-04 10:00", "kl.", "kl. 25", "kl. 14:5", "at", "+90",
                  "+90 minx", "+367d", "+9223372036854775807s", "kl. 14 kl. 15", "+2 timer 15 min"])
func badWhenIsRejected(_ text: String) {
    #expect(WhenSpec.parse(text) == nil)
}

let copenhagen = ZoneRules.named("Europe/Copenhagen")!

func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

@Test func absoluteTimeIsLocal() {
    let spec = WhenSpec.absolute(year: 2026, month: 6, day: 1, hour: 12, minute: 0)
    #expect(spec.resolve(now: utc("2026-05-01T00:00:00Z"), timeZone: copenhagen) == utc("2026-06-01T10:00:00Z"))
    #expect(spec.resolve(now: utc("2026-05-01T00:00:00Z"), timeZone: ZoneRules.utc)
        == utc("2026-06-01T12:00:00Z"))
}

@Test func timeOfDayIsTheNextOccurrence() {
    let now = utc("2026-05-06T10:00:00Z") // 12:00 in Copenhagen
    #expect(WhenSpec.timeOfDay(hour: 14, minute: 0).resolve(now: now, timeZone: copenhagen) == utc("2026-05-06T12:00:00Z"))
    #expect(WhenSpec.timeOfDay(hour: 9, minute: 0).resolve(now: now, timeZone: copenhagen) == utc("2026-05-07T07:00:00Z"))
    #expect(WhenSpec.timeOfDay(hour: 12, minute: 0).resolve(now: now, timeZone: copenhagen) == utc("2026-05-07T10:00:00Z"))
}

@Test func tomorrowIsTheNextCalendarDay() {
    let lateEvening = utc("2026-05-06T21:30:00Z") // 23:30 local, still 6 May
    #expect(WhenSpec.tomorrow(hour: 8, minute: 0).resolve(now: lateEvening, timeZone: copenhagen)
        == utc("2026-05-07T06:00:00Z"))
    let afterMidnight = utc("2026-05-06T22:30:00Z") // 00:30 local on 7 May
    #expect(WhenSpec.tomorrow(hour: 8, minute: 0).resolve(now: afterMidnight, timeZone: copenhagen)
        == utc("2026-05-08T06:00:00Z"))
}

@Test func weekdayIsTodayIfStillAheadElseNextWeek() {
    let wednesdayMorning = utc("2026-04-01T08:00:00Z") // Wed 10:00 local
    func resolve(_ day: Weekday, _ hour: Int) -> Date? {
        WhenSpec.weekday(day, hour: hour, minute: 0).resolve(now: wednesdayMorning, timeZone: copenhagen)
    }
    #expect(resolve(.wednesday, 14) == utc("2026-04-01T12:00:00Z"))
    #expect(resolve(.wednesday, 9) == utc("2026-04-08T07:00:00Z"))
    #expect(resolve(.monday, 8) == utc("2026-04-06T06:00:00Z"))
    #expect(resolve(.thursday, 8) == utc("2026-04-02T06:00:00Z"))
}

@Test func relativeIsRealTime() {
    let now = utc("2026-05-06T10:00:00Z")
    #expect(WhenSpec.relative(seconds: 5400).resolve(now: now, timeZone: copenhagen) == now.addingTimeInterval(5400))
}

@Test func handBuiltImpossibleTimesDoNotResolve() {
    let now = utc("2026-05-06T10:00:00Z")
    #expect(WhenSpec.absolute(year: 2026, month: 2, day: 30, hour: 10, minute: 0).resolve(now: now, timeZone: copenhagen) == nil)
    #expect(WhenSpec.timeOfDay(hour: 24, minute: 0).resolve(now: now, timeZone: copenhagen) == nil)
}
