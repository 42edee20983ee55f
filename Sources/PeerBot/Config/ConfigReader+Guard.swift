import PeerLearning

extension ConfigReader {
    /// `patient_guard` (redact, mask, off) and `patient_guard_patterns`, one problem per bad pattern.
    mutating func readPatientGuard(into config: inout BotConfig) {
        let key = ConfigKey.patientGuardPatterns
        guard let node = values[key.name] else { return }
        guard let items = node.sequence else {
            problem(key, "must be a list of regular expressions")
            return
        }
        var patterns: [String] = []
        for (index, item) in items.enumerated() {
            let itemName = "\(key.name)[\(index + 1)]"
            guard let pattern = item.scalar?.string else {
                problem(itemName, "must be a single regular expression")
                continue
            }
            if let why = PatientGuard.patternProblem(pattern) { problem(itemName, why) } else { patterns.append(pattern) }
        }
        config.patientGuardPatterns = patterns
    }
}
