import PeerLearning

/// A rating from `rater` to `subject` with the given five marks.
func rating(_ rater: String, _ subject: String, _ marks: [Int], _ comment: String? = nil) -> Rating {
    Rating(rater: rater, subject: subject, marks: marks, comment: comment)
}

/// Five equal marks.
func all(_ mark: Int) -> [Int] {
    Array(repeating: mark, count: 5)
}
