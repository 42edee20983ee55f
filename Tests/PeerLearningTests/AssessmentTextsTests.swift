import Foundation
import Testing
import PeerLearning

// 2026-12-03 13:00 UTC = Thursday 3 December 14:00 in Copenhagen.
private let deadline = Date(timeIntervalSince1970: 1_796_302_800)

@Test func theIntroExplainsTheRoundInEnglish() {
    let intro = Texts(.en).assessment.assessmentIntro(group: "A", peers: 3, includesSelf: true, criteria: "Lead <one> case",
                                           deadline: deadline, timeZone: copenhagen)
    #expect(intro.kind == .assessmentRequest && intro.group == "A" && intro.subject == nil)
    let body = intro.body
    #expect(body.contains("rate yourself first, then your 3 peers"))
    for criterion in AssessmentCriterion.allCases {
        #expect(body.contains(criterion.name(in: .en)))
    }
    #expect(body.contains("from 1 to 5") && body.contains("4 5 3 4 5 good lead on the case"))
    #expect(body.contains("Only the supervisors see your marks and who wrote what") && body.contains("without your name"))
    #expect(body.contains("Lead <one> case") && body.contains("Thursday 3 December at 14:00"))
    let html = intro.html ?? ""
    #expect(html.contains("Lead &lt;one&gt; case") && !html.contains("<one>"))
    #expect(html.contains("<code>4 5 3 4 5 good lead on the case</code>"))
}

@Test func theIntroInDanishWithoutCriteriaOrSelf() {
    let intro = Texts(.da).assessment.assessmentIntro(group: "B", peers: 1, criteria: nil, deadline: deadline,
                                           timeZone: copenhagen)
    #expect(intro.body.contains("den anden i gruppen") && !intro.body.contains("dig selv"))
    #expect(intro.body.contains("holde gruppen på sporet") && intro.body.contains("torsdag 3. december kl. 14:00"))
    #expect(!intro.body.contains("Vejledernes vurderingskriterier"))
}

@Test func eachRequestNamesItsSubjectAndCarriesTheirID() {
    let peer = Texts(.en).assessment.assessmentRequest(subjectName: "Bo <Berg>", subjectUserID: "@bo:hs", index: 2, of: 4,
                                            isSelf: false, group: "A")
    #expect(peer.kind == .assessmentRequest && peer.subject == "@bo:hs" && peer.group == "A")
    #expect(peer.body.hasPrefix("(2/4) Rate Bo <Berg>") && peer.body.contains("4 5 3 4 5"))
    #expect(peer.html?.contains("Bo &lt;Berg&gt;") == true)
    let own = Texts(.da).assessment.assessmentRequest(subjectName: "Anna", subjectUserID: "@anna:hs", index: 4, of: 4,
                                           isSelf: true)
    #expect(own.subject == "@anna:hs" && own.body.hasPrefix("(4/4) Vurdér dig selv") && !own.body.contains("Anna"))
}

@Test func repliesToRatingsSayWhatHappened() {
    let malformed = Texts(.en).assessment.ratingMalformed(subjectName: "Bo")
    #expect(malformed.kind == .error && malformed.error == .badArguments)
    #expect(malformed.body.contains("Bo") && malformed.body.contains("Nothing was recorded")
        && malformed.body.contains("4 5 3 4 5"))
    let recorded = Texts(.da).assessment.ratingRecorded(subjectName: "Bo", replaced: false)
    #expect(recorded.kind == .reply && recorded.body.contains("Din vurdering af Bo er gemt"))
    let replaced = Texts(.en).assessment.ratingRecorded(subjectName: "Bo", replaced: true)
    #expect(replaced.body.contains("updated") && replaced.body.contains("replaced"))
    let done = Texts(.en).assessment.assessmentDone()
    #expect(done.kind == .reply && done.body.contains("rated everyone"))
}

@Test func theReminderCountsWhatIsLeft() {
    let one = Texts(.en).assessment.assessmentReminder(group: "A", remaining: 1, deadline: deadline, timeZone: copenhagen)
    #expect(one.kind == .reminder && one.group == "A")
    #expect(one.body.contains("1 rating left") && one.body.contains("group A") && one.body.contains("at 14:00"))
    let many = Texts(.da).assessment.assessmentReminder(group: "A", remaining: 3, deadline: deadline, timeZone: copenhagen)
    #expect(many.body.contains("3 vurderinger") && many.body.contains("gruppe A"))
}

@Test func theSupervisorIsToldAboutTheRound() {
    let started = Texts(.en).assessment.assessmentStarted(group: "A", students: 4)
    #expect(started.kind == .reply && started.group == "A" && started.body.contains("4 students"))
    let running = Texts(.da).assessment.assessmentAlreadyRunning(group: "A")
    #expect(running.error == .conflict && running.body.hasPrefix("Gruppe A") && running.body.contains("Intet er ændret"))
    #expect(Texts(.en).assessment.assessmentNothingToRate(group: "C").error == .conflict)
}

@Test func criteriaArePostedEscapedAndConfirmed() {
    let posted = Texts(.en).assessment.criteriaPosted(text: "Clear <b>roles</b>\nShared notes", group: "A")
    #expect(posted.group == "A" && posted.body.contains("> Clear <b>roles</b>\n> Shared notes"))
    #expect(posted.html?.contains("Clear &lt;b&gt;roles&lt;/b&gt;<br>Shared notes") == true)
    #expect(Texts(.en).assessment.criteriaSet(groups: 3).body.contains("3 group rooms"))
    #expect(Texts(.da).assessment.criteriaSet(groups: 0).body.contains("ingen grupperum"))
}
