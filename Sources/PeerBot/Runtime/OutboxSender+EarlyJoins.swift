import Foundation
import MatrixClient
import PeerBotStore

extension OutboxSender {
    /// A student can accept a new group room's invite before the bot has recorded the room: the
    /// homeserver sends the invites while it makes the room, and a sync batch handled before the
    /// room is recorded passes over their join, as the room is not known yet. So once it is
    /// recorded, the homeserver's member list says who is in already; every join after that
    /// reaches the router with the room known. Without this, the join-grace check would report
    /// students who joined at once.
    func noteEarlyJoins(groupID: Int64, roomID: String) async {
        do {
            let joined = try await client.roomMembers(roomID: roomID).filter { RoomMembership($0.value) == .join }.map(\.key)
            guard !joined.isEmpty else { return }
            let at = now()
            let noted = try database.write { writer in
                try joined.filter { try writer.groups.markMemberJoined(groupID: groupID, userID: $0, at: at) }.count
            }
            if noted > 0 { logger.info("students had joined a new group room before it was recorded", metadata: ["room": "\(roomID)", "count": "\(noted)"]) }
        } catch {
            // The room is made and recorded either way; only joins before that could be missed.
            logger.notice("could not read a new group room's members", metadata: ["room": "\(roomID)", "error": "\(error)"])
        }
    }
}
