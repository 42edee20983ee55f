import Foundation
import PeerBot
import PeerLearning
import Testing

/// The reports as a phone shows them: their HTML rendered 360 px wide in headless Chromium,
/// with the word wrapping a Matrix client uses (`overflow-wrap: anywhere`), and every word of
/// the page measured: a word whose letters land on two lines was split.
@Suite("Reports on a 360 px screen")
struct NarrowScreenTests {
    static let names = ["Emma Søndergaard", "Ærø, Søren Østergård", "Frederik Holm-Kristiansen", "Cecilie Bergmann"]

    @Test("the summary, the overview, the group proposal and the assessment result split no word")
    func noWordIsSplit() async throws {
        for (what, html) in Self.reports() {
            let broken = try await Self.brokenWords(in: html)
            #expect(broken.isEmpty, "\(what) splits \(broken) at 360 px")
        }
    }

    /// A wide table of the same names does split them, so the measurement can fail.
    @Test("a six-column table of the same names is caught splitting them")
    func aWideTableIsCaught() async throws {
        let header = ["Studerende", "Mål bekræftet", "Beskeder", "Refleksion i gruppen", "Privat refleksion", "Bemærkning"]
        let rows = Self.names.map { "<tr><td>\(HTML.escape($0))</td><td>✓</td><td>12</td><td>✓</td><td>–</td><td>refleksion for sent</td></tr>" }
        let table = "<table><thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>" + rows.joined() + "</tbody></table>"
        let broken = try await Self.brokenWords(in: table)
        #expect(!broken.isEmpty, "the wide table split no word, so the check cannot see a split")
    }

    static func reports() -> [(String, String)] {
        let members = names.enumerated().map { index, name in
            MemberLine(name: name, userID: "@s\(index):hs", confirmedGoals: index % 2 == 0, messages: index * 7,
                       groupReflections: index == 0 ? [ReflectionLine(text: "Vi blev bedre til at se tegnene tidligt.")] : [],
                       privateReflections: index == 1 ? [ReflectionLine(text: "Jeg vil øve overlevering.", late: true)] : [],
                       absent: index == 3)
        }
        let plan = SessionPlan(number: 12, group: "A", title: "Sepsis-case", start: Date(timeIntervalSince1970: 1_796_302_800),
                               duration: 5_400, goals: ["Genkende tidlige tegn på sepsis"])
        let zone = ZoneRules.named("Europe/Copenhagen")!
        let summary = Texts(.da).summary.summary(SessionSummary(plan: plan, facilitatorName: names[0], members: members), names: [:],
                                         timeZone: zone)
        let students = names.enumerated().map { OverviewStudent(userID: "@s\($0.offset):hs", name: $0.element, sessions: 4, goalsConfirmed: 3,
                                                                contributions: [3, 5, 0, 2], reflectionsOnTime: 2, reflectionsLate: 1,
                                                                reflectionsMissing: 1, facilitations: 1, tasksDone: 2, tasksAssigned: 3,
                                                                rounds: [OverviewRound(hundredths: 92, noSubmission: false, low: false),
                                                                         OverviewRound(hundredths: 104, noSubmission: false, low: true)]) }
        let overview = Texts(.da).overview.overview([GroupOverview(group: "A", students: students)])
        let roster = names.enumerated().map { Student(userID: "@s\($0.offset):hs", name: $0.element, attributes: ["baggrund": [$0.offset % 2 == 0 ? "sygeplejerske" : "fysioterapeut"]]) }
        let proposal = Texts(.da).groups.groupProposal(GroupFormation.plan(students: roster, size: 2, seed: 2), students: roster)
        let ids = roster.map(\.userID)
        var ratings: [Rating] = []
        for rater in ids { for subject in ids where subject != rater { ratings.append(Rating(rater: rater, subject: subject, marks: [4, 3, 5, 4, 2])) } }
        let result = WebPA.scores(members: ids, ratings: ratings, selfAssessment: false)
        let results = Texts(.da).assessment.assessmentResults(group: "A", members: roster.map { ($0.userID, $0.name) }, result: result, comments: [],
                                                   submitted: ids.count)
        return [("the summary", summary), ("the overview", overview), ("the group proposal", proposal), ("the assessment result", results)]
            .map { ($0.0, $0.1.html ?? "") }
    }

    /// The words of `html` that Chromium lays out on more than one line at 360 px.
    static func brokenWords(in html: String) async throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-screen-\(RandomName.suffix())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try Self.page(html).write(to: page, atomically: true, encoding: .utf8)
        let output = try await Shell.check(URL(fileURLWithPath: "/usr/bin/chromium"), [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=360,4000",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--virtual-time-budget=2000",
            "--dump-dom", page.absoluteString,
        ])
        guard let start = output.range(of: "<pre id=\"result\">"), let end = output.range(of: "</pre>", range: start.upperBound..<output.endIndex)
        else { throw HarnessError.commandFailed(command: "chromium --dump-dom", status: 0, output: String(output.suffix(2000))) }
        let json = String(output[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    /// A page as narrow as a phone, styled like a chat client's message body, that measures
    /// every word and writes the split ones into `#result`.
    static func page(_ html: String) -> String {
        """
        <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=360">
        <style>
        body { margin: 0; width: 360px; font: 15px/1.4 sans-serif; }
        .message { box-sizing: border-box; width: 360px; padding: 0 12px 0 56px; overflow-wrap: anywhere; }
        table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 6px; }
        </style></head><body><div class="message" id="message">\(html)</div><pre id="result"></pre>
        <script>
        const broken = [];
        const walker = document.createTreeWalker(document.getElementById("message"), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent;
          // A line may break after a hyphen ("Holm-/Kristiansen"), as in print; never inside a word.
          for (const match of text.matchAll(/[\\p{L}\\p{N}]+(?:'[\\p{L}\\p{N}]+)*/gu)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set(Array.from(range.getClientRects()).map(rect => Math.round(rect.top)));
            if (tops.size > 1) broken.push(match[0]);
          }
        }
        document.getElementById("result").textContent = JSON.stringify(broken);
        </script></body></html>
        """
    }
}
