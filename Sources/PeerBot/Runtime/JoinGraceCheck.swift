import Foundation
import PeerBotStore
import PeerLearning

/// Reports, once per group, the students who have not joined their group room after `join_grace`.
struct JoinGraceCheck: ScheduledWork {
    func runDue(_ jobs: JobRunner) throws -> Int {
        let (now, config, writer) = (jobs.now, jobs.config, jobs.writer)
        guard let supervisorRoom = try writer.rooms.supervisor() else { return 0 }
        let grace = Double(config.joinGrace.components.seconds)
        var queued = 0
        let due = try writer.groups.active().filter { $0.roomID != nil && $0.createdAt.addingTimeInterval(grace) <= now }
        // One check per group, at the end of its grace period; later joins are noted as they come.
        // The groups already checked are read in one query, not one per group each tick.
        let checked = try writer.jobs.ranJobs(due.map(Self.jobKey))
        for group in due where !checked.contains(Self.jobKey(group)) {
            try writer.jobs.markRun(jobKey: Self.jobKey(group), at: now)
            let missing = try writer.groups.members(ofGroup: group.id).filter { $0.joinedRoomAt == nil && $0.reportedMissingAt == nil }
            guard !missing.isEmpty else { continue }
            var students: [Student] = []
            for member in missing {
                try writer.groups.markMemberReported(groupID: group.id, userID: member.userID, at: now)
                if let record = try writer.roster.find(userID: member.userID) { students.append(record.student) }
            }
            let language = supervisorRoom.language(or: config.language)
            let alert = config.texts(language).groups.notJoinedAlert(group: group.name, students: students)
            try writer.enqueue(alert, to: supervisorRoom.roomID, mentions: config.supervisors)
            queued += 1
        }
        return queued
    }

    private static func jobKey(_ group: StudyGroupRecord) -> String { "join-grace/\(group.id)" }
}
