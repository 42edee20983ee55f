import Foundation
import PeerBotStore
import PeerLearning

/// Reports, once per group, the students who have not joined their group room after `join_grace`.
struct JoinGraceCheck: ScheduledWork {
    func runDue(now: Date, config: BotConfig, writer: StoreWriter) throws -> Int {
        guard let supervisorRoom = try writer.supervisorRoom() else { return 0 }
        let grace = Double(config.joinGrace.components.seconds)
        var queued = 0
        for group in try writer.activeGroups() where group.roomID != nil && group.createdAt.addingTimeInterval(grace) <= now {
            // One check per group, at the end of its grace period; later joins are noted as they come.
            let key = "join-grace/\(group.id)"
            guard try !writer.hasRun(jobKey: key) else { continue }
            try writer.markRun(jobKey: key, at: now)
            let missing = try writer.members(ofGroup: group.id).filter { $0.joinedRoomAt == nil && $0.reportedMissingAt == nil }
            guard !missing.isEmpty else { continue }
            var students: [Student] = []
            for member in missing {
                try writer.markMemberReported(groupID: group.id, userID: member.userID, at: now)
                if let record = try writer.student(userID: member.userID) { students.append(record.student) }
            }
            let language = supervisorRoom.language(or: config.language)
            let alert = Texts.notJoinedAlert(group: group.name, students: students, language: language)
            try writer.enqueue(.send(roomID: supervisorRoom.roomID, eventType: "m.room.message", contentJSON: alert.content().jsonString()))
            queued += 1
        }
        return queued
    }
}
