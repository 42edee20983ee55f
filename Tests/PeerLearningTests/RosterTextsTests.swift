import Testing
import PeerLearning

@Test func rejectedImportListsEachBadLineInBothLanguages() {
    let problems = [
        RosterLineProblem(line: 3, reason: .invalidUserID("<anna>")),
        RosterLineProblem(line: 3, reason: .missingName),
        RosterLineProblem(line: 7, reason: .wrongColumnCount(expected: 4, got: 2)),
        RosterLineProblem(line: 9, reason: .duplicateUserID("@bo:hs", firstLine: 4)),
    ]
    let danish = Texts(.da).roster.rosterRejected(problems: problems, headerProblem: nil)
    #expect(danish.kind == .error && danish.error == .badArguments)
    #expect(danish.body.contains("intet er ændret"))
    #expect(danish.body.contains("Linje 3: »<anna>« er ikke et Matrix-id"))
    #expect(danish.body.contains("mangler navn"))
    #expect(danish.body.contains("Linje 7: har 2 kolonner, men første linje har 4"))
    #expect(danish.body.contains("Linje 9: @bo:hs står allerede på linje 4"))
    #expect(danish.html?.contains("&lt;anna&gt;") == true && danish.html?.contains("<anna>") == false)
    let english = Texts(.en).roster.rosterRejected(problems: problems, headerProblem: nil)
    #expect(english.body.contains("nothing was changed"))
    #expect(english.body.contains("Line 9: @bo:hs is already on line 4"))
}

@Test func rejectedImportShowsThirtyLinesThenCountsTheRest() {
    let problems = (2..<37).map { RosterLineProblem(line: $0, reason: .missingName) }
    let message = Texts(.en).roster.rosterRejected(problems: problems, headerProblem: nil)
    #expect(message.body.contains("Line 31: no name"))
    #expect(!message.body.contains("Line 32:"))
    #expect(message.body.contains("and 5 more lines"))
}

@Test func headerProblemIsExplained() {
    let english = Texts(.en).roster.rosterRejected(problems: [], headerProblem: .missingIDAndNameColumns(found: ["id", "navn"]))
    #expect(english.body.contains("must start with matrix_id,name"))
    #expect(english.body.contains("id,navn"))
    let danish = Texts(.da).roster.rosterRejected(problems: [], headerProblem: .emptyFile)
    #expect(danish.body.contains("Filen er tom."))
}

@Test func importAndFileAnswers() {
    let imported = Texts(.da).roster.rosterImported(added: 9, updated: 2)
    #expect(imported.kind == .roster)
    #expect(imported.body.contains("9 tilføjet") && imported.body.contains("2 opdateret"))
    let notCSV = Texts(.en).roster.notACSV()
    #expect(notCSV.kind == .error && notCSV.error == .badArguments)
    #expect(notCSV.body.contains("UTF-8") && notCSV.body.contains("matrix_id,name"))
}

@Test func rosterIsSortedByNameTheDanishWay() {
    let students = [
        Student(userID: "@aase:hs", name: "Åse", attributes: ["style": ["visual"]]),
        Student(userID: "@ojvind:hs", name: "Øjvind"),
        Student(userID: "@aero:hs", name: "Ærø"),
        Student(userID: "@bo:hs", name: "bo <b>", attributes: ["strengths": ["ecg", "wound care"], "background": ["nurse"]]),
        Student(userID: "@anna:hs", name: "Anna"),
    ]
    let message = Texts(.da).roster.roster(students)
    #expect(message.kind == .roster)
    let order = ["Anna", "bo <b>", "Ærø", "Øjvind", "Åse"].map { message.body.range(of: "• " + $0)!.lowerBound }
    #expect(order == order.sorted())
    #expect(message.body.contains("• bo <b> (@bo:hs) — background: nurse; strengths: ecg, wound care"))
    #expect(message.html?.contains("bo &lt;b&gt;") == true && message.html?.contains("<b>") == false)
    #expect(Texts(.en).roster.roster([]).body.contains("The roster is empty"))
}

@Test func singleStudentAnswers() {
    let student = Student(userID: "@anna:hs", name: "Anna Ærø", attributes: ["style": ["visual"]])
    let added = Texts(.da).roster.studentAdded(student, updated: false)
    #expect(added.kind == .roster && added.body.contains("er tilføjet holdlisten") && added.body.contains("style: visual"))
    let updated = Texts(.en).roster.studentAdded(student, updated: true)
    #expect(updated.body.contains("is updated on the roster"))
    #expect(Texts(.en).roster.studentRemoved(userID: "@anna:hs").body.contains("removed from the roster"))
    let missing = Texts(.da).roster.studentNotFound(userID: "@x:hs")
    #expect(missing.kind == .error && missing.error == .notFound && missing.body.contains("@x:hs"))
}
