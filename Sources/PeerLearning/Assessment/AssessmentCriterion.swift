/// The five criteria every student rates each peer on, from 1 to 5, in this order.
public enum AssessmentCriterion: Int, Sendable, Equatable, CaseIterable, Codable {
    case contributing, interacting, keepingOnTrack, expectingQuality, knowledge

    /// The full name as a student reads it in the request.
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.contributing, .da): "bidrag til arbejdet"
        case (.contributing, .en): "contributing to the team's work"
        case (.interacting, .da): "samspil med de andre"
        case (.interacting, .en): "interacting with teammates"
        case (.keepingOnTrack, .da): "holde gruppen på sporet"
        case (.keepingOnTrack, .en): "keeping the team on track"
        case (.expectingQuality, .da): "forvente kvalitet"
        case (.expectingQuality, .en): "expecting quality"
        case (.knowledge, .da): "relevant viden og færdigheder"
        case (.knowledge, .en): "having relevant knowledge, skills and abilities"
        }
    }

    /// A one- or two-word name for a table column.
    public func shortName(in language: Language) -> String {
        switch (self, language) {
        case (.contributing, .da): "Bidrag"
        case (.contributing, .en): "Contributing"
        case (.interacting, .da): "Samspil"
        case (.interacting, .en): "Interacting"
        case (.keepingOnTrack, .da): "På sporet"
        case (.keepingOnTrack, .en): "On track"
        case (.expectingQuality, .da): "Kvalitet"
        case (.expectingQuality, .en): "Quality"
        case (.knowledge, .da): "Viden"
        case (.knowledge, .en): "Knowledge"
        }
    }

    /// The scale's ends: marks run from `lowestMark` to `highestMark`.
    public static let lowestMark = 1
    public static let highestMark = 5
}
