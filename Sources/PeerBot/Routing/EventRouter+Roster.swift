import Foundation
import PeerBotStore
import PeerLearning

/// The roster's names as one batch reads them: every command needs them (for the names a
/// command may mention, and for the patient guard), and a catch-up batch holds hundreds of commands.
struct RosterNames {
    let known: [UserNames.Known]
    let patientGuard: PatientGuard
}

extension EventRouter {
    /// The roster's names, read once and kept until a command that may change the roster runs.
    mutating func rosterNames() throws -> RosterNames {
        if let cached = roster { return cached }
        let students = try writer.rosterNames()
        let names = students.map(\.name) + students.map { MatrixUserID.localpart(of: $0.userID) }
            + context.config.supervisors.map { MatrixUserID.localpart(of: $0) }
        let read = RosterNames(known: students.map { .init(userID: $0.userID, name: $0.name) },
                               patientGuard: PatientGuard(knownNames: names, patterns: context.config.patientGuardPatterns))
        roster = read
        return read
    }
}
