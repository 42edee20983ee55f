import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension EventRouter {
    /// A `.csv` file a supervisor posts in the supervisor room is a roster to import. It is
    /// noted here and fetched after the batch commits: no download happens inside a transaction.
    mutating func handleFile(_ event: ClientEvent, room: RoomRecord) throws {
        guard room.kind == .supervisor, context.config.isSupervisor(event.sender),
              let mxc = event.content["url"]?.stringValue else { return }
        let filename = event.content["filename"]?.stringValue ?? event.content["body"]?.stringValue ?? ""
        let mimetype = event.content["info"]?["mimetype"]?.stringValue ?? ""
        guard filename.lowercased().hasSuffix(".csv") || mimetype == "text/csv" else { return }
        let size = event.content["info"]?["size"]?.intValue.map(Int.init)
        try writer.addRosterUpload(RosterUploadRecord(eventID: event.eventID, roomID: room.roomID, sender: event.sender, mxcURI: mxc,
                                                      filename: filename, size: size, createdAt: context.now, state: .pending))
        outcome.uploads += 1
        outcome.handled += 1
        logger.info("roster file received", metadata: ["room": "\(room.roomID)", "sender": "\(event.sender)", "file": "\(filename)"])
    }

    /// A student joining their group room is noted; a join after they were reported missing is told.
    mutating func handleMembership(_ event: ClientEvent, room: RoomRecord) throws {
        guard room.kind == .group, let userID = event.stateKey, event.content["membership"]?.stringValue == "join",
              let group = try writer.group(forRoom: room.roomID), group.archivedAt == nil else { return }
        guard let member = try writer.members(ofGroup: group.id).first(where: { $0.userID == userID }) else { return }
        guard try writer.markMemberJoined(groupID: group.id, userID: userID, at: context.now) else { return }
        if member.reportedMissingAt != nil, let supervisorRoom = try writer.supervisorRoom(), let student = try writer.student(userID: userID) {
            let note = Texts.lateJoin(student: student.student, group: group.name, language: context.language(of: supervisorRoom))
            try enqueue(note, in: supervisorRoom.roomID, mentions: context.config.supervisors)
        }
    }
}
