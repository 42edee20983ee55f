import Foundation
import Testing
import PeerLearning

@Test func theTrendIsDrawnInTextWithTheRoomsDecimalSeparator() {
    let rounds = [OverviewRound(hundredths: 92, noSubmission: false, low: false), OverviewRound(hundredths: 104, noSubmission: false, low: false)]
    #expect(ScoreTrend.text(rounds, language: .en) == "0.92 → 1.04 ↑")
    #expect(ScoreTrend.text(rounds, language: .da) == "0,92 → 1,04 ↑")
    #expect(ScoreTrend.text(rounds.reversed(), language: .en) == "1.04 → 0.92 ↓")
    let gap = [rounds[0], OverviewRound(hundredths: nil, noSubmission: true, low: false), OverviewRound(hundredths: 92, noSubmission: false, low: false)]
    #expect(ScoreTrend.text(gap, language: .en) == "0.92 → — → 0.92 →")
    #expect(ScoreTrend.text([rounds[1]], language: .da) == "1,04" && ScoreTrend.text([], language: .en) == "—")
}

@Test func theFlagsToActOnFirst() {
    let silent = OverviewRound(hundredths: 100, noSubmission: true, low: false)
    let fine = OverviewRound(hundredths: 100, noSubmission: false, low: false)
    var student = OverviewStudent(userID: "@a:hs", name: "Anna", sessions: 3, readyToFacilitate: true, rounds: [silent, silent])
    #expect(student.flags == [.noSubmissionTwice, .neverFacilitated])
    student.rounds = [silent, fine, silent]
    student.facilitations = 1
    #expect(student.flags.isEmpty)
    student.rounds = [OverviewRound(hundredths: 70, noSubmission: false, low: true)]
    #expect(student.flags == [.low])
    // Not ready, or no session yet: never facilitating is nothing to act on.
    #expect(OverviewStudent(userID: "@b:hs", name: "Bo", sessions: 0, readyToFacilitate: true).flags.isEmpty)
    #expect(OverviewStudent(userID: "@b:hs", name: "Bo", sessions: 4, readyToFacilitate: false).flags.isEmpty)
}

@Test func theOverviewIsABlockPerStudentThatReadsOnAPhone() {
    let anna = OverviewStudent(userID: "@a:hs", name: "Anna <A>", sessions: 4, goalsConfirmed: 3, contributions: [3, 5, 0, 2],
                               reflectionsOnTime: 2, reflectionsLate: 1, reflectionsMissing: 1, facilitations: 1, tasksDone: 2,
                               tasksAssigned: 3, rounds: [OverviewRound(hundredths: 92, noSubmission: false, low: false),
                                                          OverviewRound(hundredths: 104, noSubmission: false, low: false)])
    let bo = OverviewStudent(userID: "@b:hs", name: "Bo", sessions: 4, readyToFacilitate: true)
    let message = Texts(.da).overview.overview([GroupOverview(group: "A", students: [anna, bo])])
    #expect(message.kind == .overview && message.group == "A")
    let body = message.body
    #expect(body.contains("⚠ Bo: klar til at facilitere, men har endnu ikke faciliteret"))
    #expect(body.contains("Anna <A>\nMål bekræftet 3/4 · bidrag pr. session 3 · 5 · 0 · 2\nRefleksioner: 2 til tiden, 1 sent, 1 mangler\nFaciliteret 1 · opgaver løst 2/3 · WebPA 0,92 → 1,04 ↑"))
    #expect(body.contains("\n\nBo ⚠\n"))
    let html = message.html ?? ""
    #expect(!html.contains("<table") && html.contains("<p><strong>Anna &lt;A&gt;</strong><br>Mål bekræftet 3/4 · ") && !html.contains("Anna <A>"))
    // WebPA is said once in a line before the first score.
    #expect(html.range(of: "WebPA er scoren fra peer-vurderingen")!.lowerBound < html.range(of: "WebPA 0,92")!.lowerBound)
    #expect(Texts(.en).overview.overview([]).body.contains("There are no active groups."))
}

@Test func aWeeklyTimeIsReadAndFoundInThePast() throws {
    #expect(WeeklyTime.parse("mon 08:00") == WeeklyTime(weekday: .monday, hour: 8, minute: 0))
    #expect(WeeklyTime.parse("Mandag 8.00") == WeeklyTime(weekday: .monday, hour: 8, minute: 0))
    for bad in ["", "mon", "08:00", "mon 8", "mon 24:00", "mon 08:60", "someday 08:00", "mon 08:00 extra", "mon 8:0"] {
        #expect(WeeklyTime.parse(bad) == nil, "\(bad)")
    }
    let monday = try #require(WeeklyTime.parse("mon 08:00"))
    // 2026-12-03 13:00 UTC is Thursday 14:00 in Copenhagen: the latest Monday 08:00 is 30 November, 07:00 UTC.
    let thursday = Date(timeIntervalSince1970: 1_796_302_800)
    let latest = monday.latestOccurrence(atOrBefore: thursday, timeZone: copenhagen)
    #expect(latest.instant == Date(timeIntervalSince1970: 1_796_302_800 - 3 * 86_400 - 6 * 3600))
    #expect(latest.day == CivilDate(year: 2026, month: 11, day: 30))
    // At the moment itself it is that moment; a second before, the week before.
    #expect(monday.latestOccurrence(atOrBefore: latest.instant, timeZone: copenhagen).instant == latest.instant)
    #expect(monday.latestOccurrence(atOrBefore: latest.instant.addingTimeInterval(-1), timeZone: copenhagen).day == CivilDate(year: 2026, month: 11, day: 23))
}

@Test func onlyEnoughPeersCommentsAreReleasedWithoutNames() {
    let ratings = [
        rating("@bo:hs", "@anna:hs", all(3), "lytter godt"), rating("@cy:hs", "@anna:hs", all(3), "  "),
        rating("@dan:hs", "@anna:hs", all(3), "klar struktur"), rating("@anna:hs", "@anna:hs", all(5), "jeg er god"),
        rating("@bo:hs", "@cy:hs", all(3), "stille"),
    ]
    var generator = SystemRandomNumberGenerator()
    let anna = AnonymousComments.forRelease(ratings, subject: "@anna:hs", minimum: 2, using: &generator)
    #expect(Set(anna ?? []) == ["lytter godt", "klar struktur"])
    #expect(AnonymousComments.forRelease(ratings, subject: "@anna:hs", minimum: 3, using: &generator) == nil)
    #expect(AnonymousComments.forRelease(ratings, subject: "@cy:hs", minimum: 2, using: &generator) == nil)
    #expect(AnonymousComments.forRelease(ratings, subject: "@cy:hs", minimum: 1, using: &generator) == ["stille"])
    let message = Texts(.en).assessment.releasedResult(band: .above, comments: anna, minimum: 2, group: "A")
    #expect(message.kind == .release && message.group == "A" && message.scores == nil)
    #expect(message.body.contains("above the group average") && message.body.contains("> lytter godt") && !message.body.contains("@bo:hs"))
    let few = Texts(.da).assessment.releasedResult(band: nil, comments: nil, minimum: 2, group: "A")
    #expect(few.body.contains("Færre end 2") && few.body.contains("Ingen i gruppen nåede at vurdere dig"))
}
