import Foundation
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct PatientGuardConfig {
    let loader = ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "t"])
    let head = """
        homeserver: https://matrix.example.org
        user_id: "@peerbot:example.org"
        supervisors: ["@sup:example.org"]

        """

    @Test func theGuardRedactsByDefault() throws {
        let config = try loader.parse(head, file: "t.yaml")
        #expect(config.patientGuard == .redact)
        #expect(config.patientGuardPatterns.isEmpty)
    }

    @Test func modeAndPatternsAreRead() throws {
        let config = try loader.parse(head + """
            patient_guard: off
            patient_guard_patterns:
              - 'MRN[0-9]{6}'
              - '(?i)journal nr\\.? ?[0-9]+'
            """, file: "t.yaml")
        #expect(config.patientGuard == .off)
        #expect(config.patientGuardPatterns == ["MRN[0-9]{6}", #"(?i)journal nr\.? ?[0-9]+"#])
        #expect(try loader.parse(head + "patient_guard: Mask", file: "t.yaml").patientGuard == .mask)
    }

    @Test func eachBadPatternIsOneProblemByKeyAndPosition() {
        let text = head + """
            patient_guard: hide
            patient_guard_patterns:
              - 'ok[0-9]'
              - '(unclosed'
              - ''
              - [nested]
            """
        do {
            _ = try loader.parse(text, file: "bad.yaml")
            Issue.record("a bad guard configuration was accepted")
        } catch {
            #expect(error.problems.map(\.key) == ["patient_guard", "patient_guard_patterns[2]", "patient_guard_patterns[3]", "patient_guard_patterns[4]"])
            #expect(error.problems.first?.message.contains("redact, mask or off") == true)
            #expect(error.problems[1].message.contains("(unclosed"))
        }
    }
}
