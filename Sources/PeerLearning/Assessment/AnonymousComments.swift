/// Which of the peers' comments about one student may reach that student on release.
public enum AnonymousComments {
    /// The comments other members wrote about `subject`, without who wrote them, shuffled by
    /// `generator`; nil when fewer than `minimum` peers commented (then nothing is shown, since
    /// with one or two comments the student could tell who wrote what). Self-comments never count.
    public static func forRelease<G: RandomNumberGenerator>(
        _ ratings: [Rating], subject: String, minimum: Int, using generator: inout G
    ) -> [String]? {
        var latest: [String: String] = [:]
        for rating in ratings where rating.subject == subject && rating.rater != subject {
            let text = rating.comment?.trimmingWhitespace() ?? ""
            latest[rating.rater] = text.isEmpty ? nil : text
        }
        guard latest.count >= max(1, minimum) else { return nil }
        return latest.keys.sorted().compactMap { latest[$0] }.shuffled(using: &generator)
    }
}
