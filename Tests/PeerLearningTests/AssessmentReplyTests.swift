import Testing
import PeerLearning

@Test(arguments: [
    ("4 5 3 4 5", [4, 5, 3, 4, 5], nil),
    ("4,5,3,4,5", [4, 5, 3, 4, 5], nil),
    ("  1, 2, 3, 4, 5  ", [1, 2, 3, 4, 5], nil),
    ("4 5 3 4 5 good lead on the case", [4, 5, 3, 4, 5], "good lead on the case"),
    ("5 5 5 5 5, god styring af casen", [5, 5, 5, 5, 5], "god styring af casen"),
    ("3 3 3 3 3 – 2 days late", [3, 3, 3, 3, 3], "2 days late"),
    ("2 2 2 2 2 2nd time she led", [2, 2, 2, 2, 2], "2nd time she led"),
    ("4 4 4 4 4.", [4, 4, 4, 4, 4], nil),
    ("4 4 4 4 4\nline one\nline two", [4, 4, 4, 4, 4], "line one\nline two"),
] as [(String, [Int], String?)])
func aRatingReplyIsRead(text: String, marks: [Int], comment: String?) {
    #expect(RatingReply.parse(text) == .rating(marks: marks, comment: comment))
}

@Test(arguments: [
    "", "4 5 3 4", "4 5 3 4 7", "4 5 0 4 5", "good 4 5 3 4 5", "4 5 3 4 5 3", "4 5 3 4 5 3 was fine",
    "45345", "4 5 3 4 55", "4,,5,3,4,5", "4.5 3 4 5 5", "-4 5 3 4 5", "4 5 3 4 5x", "４ ５ ３ ４ ５",
])
func anythingElseIsMalformed(text: String) {
    #expect(RatingReply.parse(text) == .malformed)
}

@Test func aRatingKnowsWhetherItCounts() {
    #expect(rating("A", "B", [1, 2, 3, 4, 5]).isComplete)
    #expect(!rating("A", "B", [1, 2, 3, 4]).isComplete)
    #expect(!rating("A", "B", [1, 2, 0, 4, 5]).isComplete && !rating("A", "B", [1, 2, 0, 4, 5]).isAllZero)
    #expect(rating("A", "B", all(0)).isAllZero && rating("A", "B", [4, 5, 3, 4, 5]).total == 21)
}

@Test func theCriteriaAreNamedInBothLanguages() {
    #expect(AssessmentCriterion.allCases.count == 5)
    #expect(AssessmentCriterion.contributing.name(in: .en) == "contributing to the team's work")
    #expect(AssessmentCriterion.knowledge.name(in: .da) == "relevant viden og færdigheder")
    let danish = Set(AssessmentCriterion.allCases.map { $0.name(in: .da) })
    let english = Set(AssessmentCriterion.allCases.map { $0.name(in: .en) })
    #expect(danish.count == 5 && english.count == 5 && danish.isDisjoint(with: english))
}
