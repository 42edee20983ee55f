import Foundation
import Testing
import PeerLearning

private let header = ["matrix_id", "name", "strengths", "background"]

@Test func bomCRLFAndDanishLettersAreReadCleanly() {
    let result = RosterImport.validate(
        header: ["\u{FEFF}Matrix_ID", " Name ", "Strengths", "Background\r"],
        rows: [["@anna:hs", "Anna Ærø", "sårpleje; EKG;Sårpleje", "sygeplejerske\r"],
               ["@bo:hs", "Bo Østergård", "", "fysioterapeut;\r"]])
    #expect(result.isAcceptable)
    #expect(result.attributeKeys == ["strengths", "background"])
    #expect(result.students == [
        Student(userID: "@anna:hs", name: "Anna Ærø", attributes: ["strengths": ["sårpleje", "EKG"], "background": ["sygeplejerske"]]),
        Student(userID: "@bo:hs", name: "Bo Østergård", attributes: ["background": ["fysioterapeut"]]),
    ])
    #expect(result.students[0].attributes["strengths"] == ["sårpleje", "EKG"])
    #expect(result.students[1].attributes["strengths"] == nil)
}

@Test func quotedCellsKeepTheirCommasAndOnlySemicolonsSplitValues() {
    // The caller's CSV reader has already turned "Hansen, Anna" and "wound care, ecg" into cells.
    let result = RosterImport.validate(header: header,
                                       rows: [["@anna:hs", "Hansen, Anna", "wound care, ecg; teaching", "nurse"]])
    #expect(result.isAcceptable)
    #expect(result.students.first?.name == "Hansen, Anna")
    #expect(result.students.first?.attributes["strengths"] == ["wound care, ecg", "teaching"])
}

@Test func blankLinesAreSkippedButStillCountedForLineNumbers() {
    let result = RosterImport.validate(header: header, rows: [
        ["@anna:hs", "Anna", "ecg", "nurse"],
        [],
        ["", "", "", ""],
        ["  ", "\r"],
        ["not-an-id", "Bo", "", ""],
    ])
    #expect(result.students.map(\.userID) == ["@anna:hs"])
    #expect(result.problems == [RosterLineProblem(line: 6, reason: .invalidUserID("not-an-id"))])
    #expect(!result.isAcceptable)
}

@Test func duplicateIDsNameBothLines() {
    let result = RosterImport.validate(header: header, rows: [
        ["@anna:hs", "Anna", "", ""],
        ["@bo:hs", "Bo", "", ""],
        [],
        ["@anna:hs", "Anna Again", "", ""],
    ])
    #expect(result.problems == [RosterLineProblem(line: 5, reason: .duplicateUserID("@anna:hs", firstLine: 2))])
    #expect(!result.isAcceptable)
}

@Test func wrongColumnCountsAreReportedAndTrailingEmptyCellsForgiven() {
    let result = RosterImport.validate(header: header, rows: [
        ["@anna:hs", "Anna"],
        ["@bo:hs", "Bo", "ecg", "nurse", "extra"],
        ["@carl:hs", "Carl", "ecg", "nurse", "", " "],
    ])
    #expect(result.problems == [
        RosterLineProblem(line: 2, reason: .wrongColumnCount(expected: 4, got: 2)),
        RosterLineProblem(line: 3, reason: .wrongColumnCount(expected: 4, got: 5)),
    ])
    #expect(result.students.map(\.userID) == ["@carl:hs"])
}

@Test func badIDsAndMissingNamesAreEachReported() {
    let result = RosterImport.validate(header: header, rows: [
        ["anna", "Anna", "", ""],
        ["@bo", "Bo", "", ""],
        ["", "Carl", "", ""],
        ["@dina:hs", " ", "", ""],
        ["eva@hs", "", "", ""],
    ])
    #expect(result.problems == [
        RosterLineProblem(line: 2, reason: .invalidUserID("anna")),
        RosterLineProblem(line: 3, reason: .invalidUserID("@bo")),
        RosterLineProblem(line: 4, reason: .invalidUserID("")),
        RosterLineProblem(line: 5, reason: .missingName),
        RosterLineProblem(line: 6, reason: .invalidUserID("eva@hs")),
        RosterLineProblem(line: 6, reason: .missingName),
    ])
    #expect(result.students.isEmpty)
}

@Test func headerProblemsRefuseTheFile() {
    #expect(RosterImport.validate(header: [], rows: []).headerProblem == .emptyFile)
    #expect(RosterImport.validate(header: ["\u{FEFF}"], rows: []).headerProblem == .emptyFile)
    #expect(RosterImport.validate(header: ["id", "name"], rows: [["@a:hs", "A"]]).headerProblem
            == .missingIDAndNameColumns(found: ["id", "name"]))
    #expect(RosterImport.validate(header: ["name", "matrix_id"], rows: []).headerProblem
            == .missingIDAndNameColumns(found: ["name", "matrix_id"]))
    #expect(RosterImport.validate(header: ["matrix_id", "name", "Style", "style "], rows: []).headerProblem
            == .duplicateColumn("style"))
    #expect(RosterImport.validate(header: ["matrix_id", "name", "", "style"], rows: []).headerProblem
            == .emptyColumnName(column: 3))
    let refused = RosterImport.validate(header: ["id", "name"], rows: [["@a:hs", "A"]])
    #expect(!refused.isAcceptable && refused.students.isEmpty)
}

@Test func headerOnlyIsAnEmptyButAcceptableRoster() {
    let result = RosterImport.validate(header: ["matrix_id", "name", "style"], rows: [])
    #expect(result.isAcceptable)
    #expect(result.students.isEmpty)
    #expect(result.attributeKeys == ["style"])
}

@Test func uploadedBytesMustBeUTF8Text() {
    let csv = "\u{FEFF}matrix_id,name\r\n@anna:hs,Anna Ærø\r\n"
    #expect(RosterImport.text(fromFile: Data(csv.utf8)) == String(csv.dropFirst()))
    #expect(RosterImport.text(fromFile: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])) == nil)  // a zip (xlsx)
    #expect(RosterImport.text(fromFile: Data([0x6E, 0x61, 0x6D, 0x65, 0xE6, 0xF8])) == nil)  // Latin-1 "æø"
}

@Test func studentAttributesAreNormalised() {
    let student = Student(userID: " @anna:hs ", name: " Anna ",
                          attributes: [" Style ": ["Visual", " visual", ""], "style": ["Kinesthetic"], "empty": [" "]])
    #expect(student.userID == "@anna:hs" && student.name == "Anna")
    #expect(student.attributes == ["style": ["Visual", "Kinesthetic"]])
    let json = #"{"userID": "@bo:hs", "name": "Bo", "attributes": {"Year ": ["2", "2"]}}"#
    let decoded = try? JSONDecoder().decode(Student.self, from: Data(json.utf8))
    #expect(decoded?.attributes == ["year": ["2"]])
}
