import Foundation
import Testing
import PeerLearning

/// Every notice that quotes a person's text back quotes at most `TextLimits.quoteCharacters` of
/// it, by one rule; reports meant to be read in full keep the text whole.
@Suite struct QuoteCaps {
    let cap = TextLimits.quoteCharacters

    /// A text of `count` characters that cannot be mistaken for the bot's own words.
    func long(_ count: Int, _ letter: Character = "x") -> String { String(repeating: letter, count: count) }

    /// The longest run of `letter` in `text`.
    func longestRun(of letter: Character, in text: String) -> Int {
        var best = 0
        var run = 0
        for character in text {
            run = character == letter ? run + 1 : 0
            best = max(best, run)
        }
        return best
    }

    @Test func theRuleCutsOnlyWhatIsTooLongAndMarksTheCut() {
        #expect(TextLimits.quote("kort tekst") == "kort tekst")
        #expect(TextLimits.quote(long(cap)) == long(cap))
        let cut = TextLimits.quote(long(cap + 1))
        #expect(cut == long(cap) + "…")
        // Characters, not bytes: Danish letters and emoji count one each.
        #expect(TextLimits.quote(String(repeating: "æ👍", count: 400)).count == cap + 1)
    }

    @Test func aLongSessionTitleIsQuotedByTheRuleInAnAcknowledgement() {
        let plan = SessionPlan(number: 3, group: "A", title: long(1_000, "t"), start: Date(timeIntervalSince1970: 1_800_000_000), duration: 60)
        for language in [Language.da, .en] {
            let ack = Texts(language).sessions.understoodAck(name: "Anna", plan: plan)
            #expect(longestRun(of: "t", in: ack.body) == cap)
            #expect(ack.body.contains("…"))
        }
    }

    @Test func aLongGroupNameIsQuotedByTheRule() {
        let started = Texts(.en).assessment.assessmentStarted(group: long(5_000, "g"), students: 4)
        #expect(longestRun(of: "g", in: started.body) == cap)
    }

    @Test func theCriteriaAreEchoedToTheSupervisorCappedButPostedWhole() {
        let criteria = long(TextKind.criteria.limit, "k")
        let reply = Texts(.da).assessment.criteriaPosted(text: criteria)
        #expect(longestRun(of: "k", in: reply.body) == cap)
        let posted = Texts(.da).assessment.criteriaAnnouncement(text: criteria, group: "A")
        #expect(longestRun(of: "k", in: posted.body) == criteria.count)
    }

    @Test func aLongKeptTextIsQuotedByTheRuleAndItsLengthSaid() {
        let kept = long(TextKind.reflection.limit, "r")
        let danish = Texts(.da).patientGuard.guardNotice(kinds: [.cpr], kept: kept, mode: .redact, groupText: false)
        #expect(longestRun(of: "r", in: danish.body) == cap)
        #expect(danish.body.contains("\(kept.count) tegn"))
        let english = Texts(.en).patientGuard.guardNotice(kinds: [.cpr], kept: "short", mode: .mask, groupText: false)
        #expect(english.body.contains("short"))
        #expect(!english.body.contains("characters)"))
    }

    @Test func aTaskEchoUsesTheSameRule() {
        let task = TaskItem(id: 4, group: "A", assignee: nil, text: long(TextKind.task.limit, "o"), createdBy: "@bo:hs")
        let done = Texts(.en).tasks.taskDone(task)
        #expect(longestRun(of: "o", in: done.body) == cap)
    }

    @Test func anUnreadableTimeEchoesAShortWord() {
        let reply = Texts(.en, prefix: "!").unreadableTime(.sessionPlan, part: long(5_000, "z"))
        #expect(longestRun(of: "z", in: reply.body) == TextLimits.wordCharacters)
        #expect(longestRun(of: "z", in: reply.html ?? "") == TextLimits.wordCharacters)
    }

    @Test func aRosterFileWithAnOverlongNameIsRefusedLikeTheCommand() {
        let limit = TextKind.name.limit
        let result = RosterImport.validate(header: ["matrix_id", "name", "strengths"], rows: [
            ["@anna:hs", long(limit + 1, "n"), "ekg"],
            ["@bo:hs", "Bo", "ekg;" + long(limit + 5, "s")],
            // Many short values in one cell are fine: each value is what gets quoted.
            ["@cy:hs", "Cy", Array(repeating: "sårpleje", count: 40).joined(separator: ";")],
        ])
        #expect(!result.isAcceptable)
        #expect(result.problems == [
            RosterLineProblem(line: 2, reason: .tooLong(column: "name", length: limit + 1)),
            RosterLineProblem(line: 3, reason: .tooLong(column: "strengths", length: limit + 5)),
        ])
        let answer = Texts(.en).roster.rosterRejected(problems: result.problems, headerProblem: nil)
        #expect(answer.body.contains("has \(limit + 1) characters; at most \(limit) are allowed"))
    }
}
