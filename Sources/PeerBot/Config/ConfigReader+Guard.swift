import PeerLearning

extension ConfigReader {
    /// `patient_guard` (redact, mask, off) and `patient_guard_patterns`, one problem per bad pattern.
    mutating func readPatientGuard(into config: inout BotConfig) {
        if let text = string("patient_guard") {
            if let mode = PatientGuardMode(rawValue: text.lowercased()) { config.patientGuard = mode } else {
                problem("patient_guard", "must be redact, mask or off, got \"\(text)\"")
            }
        }
        guard let node = values["patient_guard_patterns"] else { return }
        guard let items = node.sequence else {
            problem("patient_guard_patterns", "must be a list of regular expressions")
            return
        }
        var patterns: [String] = []
        for (index, item) in items.enumerated() {
            let key = "patient_guard_patterns[\(index + 1)]"
            guard let pattern = item.scalar?.string else {
                problem(key, "must be a single regular expression")
                continue
            }
            if let why = PatientGuard.patternProblem(pattern) { problem(key, why) } else { patterns.append(pattern) }
        }
        config.patientGuardPatterns = patterns
    }
}
