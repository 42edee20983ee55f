/// Two students who were in the same group, in either order (`StudentPair("@b", "@a")` equals
/// `StudentPair("@a", "@b")`).
public struct StudentPair: Sendable, Hashable, Codable {
    /// The smaller of the two user ids.
    public let first: String
    /// The larger of the two user ids.
    public let second: String

    public init(_ one: String, _ other: String) {
        (first, second) = one <= other ? (one, other) : (other, one)
    }

    /// Every pair inside every group of earlier splits, counted: the `history` that
    /// `GroupFormation.plan` penalises.
    public static func history(of splits: [[[String]]]) -> [StudentPair: Int] {
        var counts: [StudentPair: Int] = [:]
        for split in splits {
            for group in split {
                for (index, member) in group.enumerated() {
                    for other in group[(index + 1)...] where other != member {
                        counts[StudentPair(member, other), default: 0] += 1
                    }
                }
            }
        }
        return counts
    }
}
