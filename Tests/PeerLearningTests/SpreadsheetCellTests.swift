import Testing
import PeerLearning

private let formulas: [String] = [
    "=HYPERLINK(\"https://evil\",\"klik\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
    "\t=1+1", "\r=1+1", "=", "-", "+", "@SUM(1+1)*cmd|' /C calc'!A0", "@anna:hs(", "@Anna:hs", "@anna", "@:hs",
]

@Test(arguments: formulas)
func aCellThatCouldRunAsAFormulaIsPrefixed(_ cell: String) {
    #expect(SpreadsheetCell.neutralised(cell) == "'" + cell)
}

@Test(arguments: ["Vi lærte qSOFA", "", "1.05", "-3", "-0.25", "2026-12-01", " =not first", "'=already",
                  "@anna:hs", "@emma.w:example.org", "@bo-2:matrix.example.org:8448"])
func ordinaryCellsAndPlainNumbersAreKept(_ cell: String) {
    #expect(SpreadsheetCell.neutralised(cell) == cell)
}

@Test func aNumberLookalikeWithMoreIsStillPrefixed() {
    #expect(SpreadsheetCell.neutralised("-1+A1") == "'-1+A1")
    #expect(SpreadsheetCell.neutralised("-1.") == "'-1.")
    #expect(SpreadsheetCell.neutralised("-1.2.3") == "'-1.2.3")
}
