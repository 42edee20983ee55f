import Testing
import PeerLearning

@Test(arguments: [("90m", 5400), ("1h30m", 5400), ("2h", 7200), ("45s", 45), ("1d", 86_400), ("24h", 86_400),
                  ("1h30m15s", 5415), ("1d2h", 93_600), ("10M", 600), ("0h5m", 300),
                  ("90 min", 5400), ("90min", 5400), ("90 min.", 5400), ("1t30m", 5400), ("1 time", 3600),
                  ("2 timer", 7200), ("1 time 30 min", 5400), ("1h 30m", 5400), ("2 dage", 172_800),
                  ("45 sek", 45), ("3 minutter", 180), ("2 hours", 7200), ("366d", 366 * 86_400)])
func durationsAreRead(_ text: String, _ seconds: Int) {
    #expect(DurationSpec.parse(text)?.seconds == seconds)
}

@Test(arguments: ["", "0m", "0s", "-5m", "5", "m", "1x", "30m1h", "30m 1h", "1 time time", "90 minx", "367d", "9223372036854775807s",
                  "1 time 2", "min", "90 min 5", "1h1h", "+5m", "h5", "1.5h",
                  "99999999999999999999d", "1hh", "١h"])
func badDurationsAreRejected(_ text: String) {
    #expect(DurationSpec.parse(text) == nil)
}

@Test func aDurationLeavesTheWordsAfterItForTheTitle() {
    #expect(parse("!session plan A 14:00 90 min Kardiologi og sår") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .timeOfDay(hour: 14, minute: 0), duration: duration("90m"), title: "Kardiologi og sår"))))
    #expect(parse("!session planlæg A i morgen kl. 14.30 1t30m Sår") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .tomorrow(hour: 14, minute: 30), duration: duration("1h30m"), title: "Sår"))))
    // A title that starts with a number and a word that is no unit keeps them.
    #expect(parse("!session plan A kl. 9 1 time 3 cases") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .timeOfDay(hour: 9, minute: 0), duration: duration("1h"), title: "3 cases"))))
}

@Test(arguments: [
    ("!session plan A +1h 9223372036854775807s x", CommandName.sessionPlan, "9223372036854775807s"),
    ("!session plan A imorgn 14:00 1h Titel", .sessionPlan, "imorgn"),
    ("!session plan A kl. 25 1h Titel", .sessionPlan, "kl. 25"),
    ("!session plan A i morgen 25:00 1h Titel", .sessionPlan, "i morgen 25:00"),
    ("!session plan A 14:00 90 minx Titel", .sessionPlan, "90 minx"),
    ("!session plan A 14:00 halvanden Titel", .sessionPlan, "halvanden"),
    ("!session planlæg A ons 9 1h Titel", .sessionPlan, "ons 9"),
    ("!session move #3 ons 25:00", .sessionMove, "ons 25:00"),
    ("!session flyt #3 på fredag", .sessionMove, "på"),
    ("!session plan A tomorrow 1h Title", .sessionPlan, "tomorrow 1h"),
    ("!session plan A 25:00 1h Title", .sessionPlan, "25:00"),
    ("!session plan A 2026-02-30 10:00 1h Title", .sessionPlan, "2026-02-30"),
    ("!session plan A 14:00 0m Title", .sessionPlan, "0m"),
    ("!session move #2 soon", .sessionMove, "soon"),
])
func anUnreadableTimeIsNamed(_ body: String, _ name: CommandName, _ part: String) {
    #expect(parse(body) == .unreadable(name, part: part))
}

@Test func missingPartsStillGetTheUsageLine() {
    #expect(parse("!session plan A 14:00") == .malformed(.sessionPlan))
    #expect(parse("!session plan A 14:00 1h") == .malformed(.sessionPlan))
    #expect(parse("!session move #3") == .malformed(.sessionMove))
}

@Test func theUnreadablePartIsQuotedInTheAnswer() {
    let da = Texts(.da, prefix: "!").unreadableTime(.sessionPlan, part: "imorgn")
    #expect(da.body.contains("»imorgn«"))
    #expect(da.body.contains("kl. 14"))
    #expect(da.error == .badArguments)
    let en = Texts(.en, prefix: "!").unreadableTime(.sessionMove, part: "<b>x")
    #expect(en.body.contains("“<b>x”"))
    #expect(en.html?.contains("&lt;b&gt;x") == true)
    #expect(en.html?.contains("<b>x") == false)
}

@Test func aRelativeStartTakesOneDurationWord() {
    #expect(parse("!session plan A +1h 30m Titel") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .relative(seconds: 3600), duration: duration("30m"), title: "Titel"))))
    #expect(parse("!session plan A +90 min 1 time Titel") == .command(.sessions(.sessionPlan(
        group: .named("A"), when: .relative(seconds: 5400), duration: duration("1h"), title: "Titel"))))
}
