/// What a student's reply to an assessment request says: five marks and a comment, or nothing usable.
public enum RatingParse: Sendable, Equatable {
    case rating(marks: [Int], comment: String?)
    case malformed
}

/// Reads a reply like `4 5 3 4 5 good lead on the case` or `4,5,3,4,5`.
///
/// Exactly five single digits 1–5 come first, separated by spaces and/or one comma. A comment
/// may follow after a space, comma or punctuation; leading `, ; : - – — .` are dropped from it.
/// A sixth whole number right after the marks (`4 5 3 4 5 3`) makes the reply malformed, since
/// the student most likely miscounted; a comment that starts with a number must be set off by
/// punctuation (`4 5 3 4 5 – 2 days late`).
public enum RatingReply {
    public static func parse(_ text: String) -> RatingParse {
        var rest = Substring(text.trimmingWhitespace())
        var marks: [Int] = []
        while marks.count < AssessmentCriterion.allCases.count {
            if !marks.isEmpty {
                let gap = rest.prefix(while: isSeparator)
                guard !gap.isEmpty, gap.filter({ $0 == "," }).count <= 1 else { return .malformed }
                rest = rest.dropFirst(gap.count)
            }
            guard let mark = rest.first.flatMap(markValue) else { return .malformed }
            rest = rest.dropFirst()
            if let next = rest.first, next.isLetter || next.isNumber { return .malformed }
            marks.append(mark)
        }
        guard let comment = comment(after: rest) else { return .malformed }
        return .rating(marks: marks, comment: comment.isEmpty ? nil : comment)
    }

    /// The comment after the marks ("" when none), or nil when a sixth number follows.
    private static func comment(after rest: Substring) -> String? {
        let afterGap = rest.drop(while: isSeparator)
        let firstWord = afterGap.prefix { !isSeparator($0) }
        if let first = firstWord.first, first.isASCII, first.isNumber,
           firstWord.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }) {
            return nil
        }
        let text = afterGap.drop { isSeparator($0) || leadingPunctuation.contains($0) }
        return String(text).trimmingWhitespace()
    }

    private static let leadingPunctuation: Set<Character> = [",", ";", ":", "-", "–", "—", "."]

    private static func isSeparator(_ char: Character) -> Bool {
        char.isWhitespace || char == ","
    }

    private static func markValue(_ char: Character) -> Int? {
        guard char.isASCII, let value = char.wholeNumberValue,
              (AssessmentCriterion.lowestMark...AssessmentCriterion.highestMark).contains(value) else { return nil }
        return value
    }
}
