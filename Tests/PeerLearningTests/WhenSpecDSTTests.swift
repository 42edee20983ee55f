import Foundation
import Testing
import PeerLearning

// Copenhagen 2026: clocks go 02:00 → 03:00 on Sunday 29 March (01:00 UTC)
// and 03:00 → 02:00 on Sunday 25 October (01:00 UTC).

@Test func skippedSpringTimeMovesOnByTheGap() {
    let spec = WhenSpec.parse("2026-03-29 02:30")!
    let resolved = spec.resolve(now: utc("2026-03-01T00:00:00Z"), timeZone: copenhagen)
    #expect(resolved == utc("2026-03-29T01:30:00Z")) // 03:30 summer time
}

@Test func repeatedAutumnTimeIsTheFirstOne() {
    let spec = WhenSpec.parse("2026-10-25 02:30")!
    let resolved = spec.resolve(now: utc("2026-10-01T00:00:00Z"), timeZone: copenhagen)
    #expect(resolved == utc("2026-10-25T00:30:00Z")) // 02:30 summer time, an hour before 02:30 winter time
}

@Test func timesNextToTheChangeAreExact() {
    let now = utc("2026-03-01T00:00:00Z")
    #expect(WhenSpec.parse("2026-03-29 01:59")!.resolve(now: now, timeZone: copenhagen) == utc("2026-03-29T00:59:00Z"))
    #expect(WhenSpec.parse("2026-03-29 03:00")!.resolve(now: now, timeZone: copenhagen) == utc("2026-03-29T01:00:00Z"))
    #expect(WhenSpec.parse("2026-10-25 03:00")!.resolve(now: now, timeZone: copenhagen) == utc("2026-10-25T02:00:00Z"))
}

@Test func relativeAcrossTheChangeIsOneRealHour() {
    let beforeSpring = utc("2026-03-29T00:30:00Z") // 01:30 winter time
    let spring = WhenSpec.parse("+1h")!.resolve(now: beforeSpring, timeZone: copenhagen)!
    #expect(spring.timeIntervalSince(beforeSpring) == 3600) // the clock now shows 03:30
    let beforeAutumn = utc("2026-10-25T00:30:00Z") // 02:30 summer time
    let autumn = WhenSpec.parse("+1h")!.resolve(now: beforeAutumn, timeZone: copenhagen)!
    #expect(autumn.timeIntervalSince(beforeAutumn) == 3600)
}

@Test func clockTimeTheDayAfterTheChangeIsLocalTime() {
    let springEvening = utc("2026-03-29T18:00:00Z") // 20:00 summer time
    #expect(WhenSpec.parse("09:00")!.resolve(now: springEvening, timeZone: copenhagen) == utc("2026-03-30T07:00:00Z"))
    let autumnEvening = utc("2026-10-25T19:00:00Z") // 20:00 winter time
    #expect(WhenSpec.parse("09:00")!.resolve(now: autumnEvening, timeZone: copenhagen) == utc("2026-10-26T08:00:00Z"))
}

@Test func clockTimeAcrossTheChangeUsesTheNewOffset() {
    let saturdayNoon = utc("2026-03-28T11:00:00Z") // 12:00 winter time
    #expect(WhenSpec.parse("10:00")!.resolve(now: saturdayNoon, timeZone: copenhagen) == utc("2026-03-29T08:00:00Z"))
    #expect(WhenSpec.parse("tomorrow 10:00")!.resolve(now: saturdayNoon, timeZone: copenhagen) == utc("2026-03-29T08:00:00Z"))
    #expect(WhenSpec.parse("mon 08:00")!.resolve(now: saturdayNoon, timeZone: copenhagen) == utc("2026-03-30T06:00:00Z"))
    let autumnSaturday = utc("2026-10-24T10:00:00Z") // 12:00 summer time
    #expect(WhenSpec.parse("i morgen 10:00")!.resolve(now: autumnSaturday, timeZone: copenhagen) == utc("2026-10-25T09:00:00Z"))
}

@Test func skippedClockTimeOnTheChangeDay() {
    let saturdayEvening = utc("2026-03-28T20:00:00Z") // 21:00 winter time
    #expect(WhenSpec.parse("02:30")!.resolve(now: saturdayEvening, timeZone: copenhagen) == utc("2026-03-29T01:30:00Z"))
}
