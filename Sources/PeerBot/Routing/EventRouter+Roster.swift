import Foundation
import PeerBotStore
import PeerLearning

/// The roster's names as one batch reads them: every command needs them (for the names a
/// command may mention, and for the patient guard), and a catch-up batch holds hundreds of commands.
struct RosterNames {
    let known: [UserNames.Known]
    let patientGuard: PatientGuard
    /// The names that become pills in the messages the batch queues.
    let pills: PillNames
    /// `known` and then members' display names, once a command has asked for them.
    var withMembers: [UserNames.Known]?
}

extension EventRouter {
    /// The roster's names, read once and kept until a command that may change the roster runs.
    mutating func rosterNames() throws -> RosterNames {
        if let cached = roster { return cached }
        let students = try writer.roster.names()
        let names = students.map(\.name) + students.map { MatrixUserID.localpart(of: $0.userID) }
            + context.config.supervisors.map { MatrixUserID.localpart(of: $0) }
        let known = students.map { UserNames.Known(userID: $0.userID, name: $0.name) }
        let read = RosterNames(known: known, patientGuard: PatientGuard(knownNames: names, patterns: context.config.patientGuardPatterns),
                               pills: PillNames(known))
        roster = read
        return read
    }
}

extension EventRouter {
    /// Everyone a command may name: roster names first, then members' display names. Kept with
    /// the roster: member names change only before the timelines and by a command (forgetting).
    mutating func knownNames() throws -> [UserNames.Known] {
        var read = try rosterNames()
        if let known = read.withMembers { return known }
        let onRoster = Set(read.known)
        let members = try writer.roster.memberNames().map { UserNames.Known(userID: $0.userID, name: $0.displayName) }
        let known = read.known + members.filter { !onRoster.contains($0) }
        read.withMembers = known
        roster = read
        return known
    }
}
