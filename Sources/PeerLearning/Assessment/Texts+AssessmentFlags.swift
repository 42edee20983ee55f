extension AssessmentTexts {
    /// The flag's short name in the results table.
    func flagName(_ flag: WebPAFlag) -> String {
        switch (flag, language) {
        case (.overconfident, .da): "overvurderer sig selv"
        case (.overconfident, .en): "overconfident"
        case (.underconfident, .da): "undervurderer sig selv"
        case (.underconfident, .en): "underconfident"
        case (.low, .da): "lav"
        case (.low, .en): "low"
        case (.noSubmission, .da): "har ikke afleveret"
        case (.noSubmission, .en): "no submission"
        case (.undifferentiated, .da): "udifferentieret"
        case (.undifferentiated, .en): "undifferentiated"
        }
    }

    /// One line saying what the flag means and what it asks of the supervisor.
    func flagExplanation(_ flag: WebPAFlag) -> String {
        switch (flag, language) {
        case (.overconfident, .da): "vurderer sig selv mindst 1 point over de andres gennemsnit."
        case (.overconfident, .en): "rates themselves at least 1 point above the peers' mean."
        case (.underconfident, .da): "vurderer sig selv mindst 1 point under de andres gennemsnit."
        case (.underconfident, .en): "rates themselves at least 1 point below the peers' mean."
        case (.low, .da): "de andres gennemsnit for den studerende er under 2,5."
        case (.low, .en): "the peers' mean mark for the student is below 2.5."
        case (.noSubmission, .da): "har ikke vurderet alle; egen score er hverken hævet eller sænket af det."
        case (.noSubmission, .en): "did not rate everyone; their own score is neither raised nor lowered by it."
        case (.undifferentiated, .da): "gav alle de andre de samme karakterer på alle kriterier, så vurderingen siger ikke meget."
        case (.undifferentiated, .en): "gave every peer the same marks on every criterion, so their ratings say little."
        }
    }

    /// A line per flag that occurs in the result, in the flags' order.
    func flagLegend(_ result: WebPAResult) -> [String] {
        let present = Set(result.members.flatMap(\.flags))
        return WebPAFlag.allCases.filter(present.contains).map { flagName($0).capitalizedFirst + ": " + flagExplanation($0) }
    }
}
