import Foundation
import Testing
import PeerLearning

private let script = "<script>x</script>"
private let groupText = "Vi lærte ABCDE\nog SBAR"
private let editedText = "Jeg vil øve SBAR på stuegang."

private func sampleSummary() -> SessionSummary {
    let members = [
        MemberLine(name: "Anna & Co", userID: "@anna:hs", confirmedGoals: true, messages: 12,
                   groupReflections: [ReflectionLine(text: groupText)],
                   privateReflections: [ReflectionLine(text: script, late: true)]),
        MemberLine(name: "Bo Berg", userID: "@bo:hs", confirmedGoals: false, messages: 1,
                   privateReflections: [ReflectionLine(text: editedText, edited: true)]),
        MemberLine(name: "Carl Dahl", userID: "@carl:hs", confirmedGoals: true, messages: 0),
        MemberLine(name: "Dorte Eg", userID: "@dorte:hs", confirmedGoals: false, messages: 0, absent: true),
    ]
    let tasks = [
        TaskItem(id: 8, group: "A", assignee: nil, text: "Present the case", createdBy: "@bo:hs", done: true),
        TaskItem(id: 7, group: "A", assignee: "@anna:hs", text: "Look up qSOFA", due: "fredag", createdBy: "@anna:hs"),
    ]
    return SessionSummary(plan: samplePlan(), facilitatorName: "Anna & Co", members: members,
                          questions: [QuestionLine(name: "Bo Berg", text: "Hvad er qSOFA?")], tasks: tasks,
                          criteria: "Active participation")
}

private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

private func line(startingWith start: String, in body: String) -> String {
    body.split(separator: "\n").map(String.init).first { $0.hasPrefix(start) } ?? ""
}

@Test func theSummaryBodyTellsTheSupervisorEverythingInPlainText() {
    let message = Texts(.en).summary.summary(sampleSummary(), names: ["@anna:hs": "Anna & Co"], timeZone: copenhagen)
    #expect(message.kind == .summary && message.group == "A" && message.session == 12)
    let body = message.body
    #expect(body.contains("#12 Sepsis case") && body.contains("Facilitator: Anna & Co"))
    #expect(body.contains("Recognise early signs of sepsis") && body.contains("Assessment criteria: Active participation"))
    #expect(body.contains("Confirmed the goals: 2 of 4"))
    let anna = line(startingWith: "• Anna & Co:", in: body)
    #expect(anna.contains("goals ✓") && anna.contains("12 messages") && anna.contains("group ✓, private ✓"))
    #expect(anna.contains("late"))
    let bo = line(startingWith: "• Bo Berg:", in: body)
    #expect(bo.contains("goals –") && bo.contains("1 message") && bo.contains("group –, private ✓") && !bo.contains("late"))
    #expect(line(startingWith: "• Dorte Eg:", in: body).contains("absent"))
    #expect(body.contains("Anna & Co:\n> Vi lærte ABCDE\n> og SBAR"))
    #expect(body.contains("Anna & Co (late):\n> " + script))
    #expect(body.contains("Bo Berg (edited):\n> " + editedText))
    #expect(body.contains("• Bo Berg: Hvad er qSOFA?"))
    #expect(body.contains("☐ #7 Look up qSOFA (due: fredag) – Anna & Co"))
    #expect(body.contains("✓ #8 Present the case – the whole group"))
    #expect(body.contains("Missing reflection: Carl Dahl\n") || body.hasSuffix("Missing reflection: Carl Dahl"))
    #expect(body.contains("Absent (excused): Dorte Eg"))
    #expect(!body.contains("<table") && !body.contains("<td"))
}

@Test func theSummaryHTMLHasABlockPerStudentAndEscapesEveryPieceOfUserText() {
    let html = Texts(.en).summary.summary(sampleSummary(), names: ["@anna:hs": "Anna & Co"], timeZone: copenhagen).html ?? ""
    // No table: on a 360 px screen its columns split names mid-word.
    #expect(!html.contains("<table") && !html.contains("<td"))
    #expect(html.contains("<p><strong>Anna &amp; Co</strong><br>Goals confirmed ✓ · 12 messages<br>Reflection: in the group ✓ · private ✓<br>Late reflection</p>"))
    // A student with nothing to note gets no empty notes line.
    #expect(html.contains("<p><strong>Carl Dahl</strong><br>Goals confirmed ✓ · 0 messages<br>Reflection: in the group – · private –</p>"))
    #expect(html.contains("<p><strong>Dorte Eg</strong><br>Goals confirmed – · 0 messages<br>Reflection: in the group – · private –<br>Absent</p>"))
    #expect(!html.contains(script) && !html.contains("Anna & Co"))
    #expect(html.contains("&lt;script&gt;x&lt;/script&gt;"))
    #expect(html.contains("Vi lærte ABCDE<br>og SBAR"))
    #expect(html.contains("<li>Recognise early signs of sepsis</li>") && html.contains("<li>Bo Berg: Hvad er qSOFA?</li>"))
}

@Test(arguments: Language.allCases)
func eachReflectionAppearsExactlyOnce(language: Language) {
    let message = Texts(language).summary.summary(sampleSummary(), names: [:], timeZone: copenhagen)
    let html = message.html ?? ""
    #expect(occurrences(script, in: message.body) == 1)
    #expect(occurrences(HTML.escape(script), in: html) == 1)
    #expect(occurrences(editedText, in: message.body) == 1 && occurrences(editedText, in: html) == 1)
    #expect(occurrences("> og SBAR", in: message.body) == 1)
    #expect(occurrences("Vi lærte ABCDE<br>og SBAR", in: html) == 1)
}

@Test func theDanishSummaryNamesWhoIsMissingAndWhenNobodyIs() {
    let danish = Texts(.da).summary.summary(sampleSummary(), names: [:], timeZone: copenhagen)
    #expect(danish.body.contains("Mangler refleksion: Carl Dahl") && danish.body.contains("Har bekræftet målene: 2 af 4"))
    #expect(danish.body.contains("Anna & Co (for sent):") && danish.body.contains("Bo Berg (redigeret):"))
    #expect(danish.body.contains("– hele gruppen") && danish.body.contains("(frist: fredag) – @anna:hs"))
    var everyone = sampleSummary()
    everyone.members = [everyone.members[0]]
    everyone.questions = []
    everyone.tasks = []
    let done = Texts(.da).summary.summary(everyone, names: [:], timeZone: copenhagen).body
    #expect(done.contains("Alle har skrevet en refleksion.") && !done.contains("Mangler refleksion"))
    #expect(done.contains("Spørgsmål til målene: ingen") && done.contains("Aftalte opgaver: ingen"))
}

@Test func aSummaryWithoutReflectionsSaysSo() {
    var quiet = sampleSummary()
    quiet.members = quiet.members.map { member in
        var copy = member
        copy.groupReflections = []
        copy.privateReflections = []
        return copy
    }
    let body = Texts(.en).summary.summary(quiet, names: [:], timeZone: copenhagen).body
    #expect(body.contains("Nobody wrote in the group's thread.") && body.contains("No individual reflections."))
    #expect(body.contains("Missing reflection: Anna & Co, Bo Berg, Carl Dahl"))
    #expect(quiet.missing.map(\.userID) == ["@anna:hs", "@bo:hs", "@carl:hs"])
}
