import MatrixClient
import PeerBotStore

extension EventRouter {
    /// Remembers the display names members of a managed room have there, from the room's state
    /// and timeline in this batch, in order, so a command may name them as their client shows
    /// them. Setting a name is idempotent, so a replayed batch does no harm.
    mutating func rememberMemberNames(roomID: String, events: [ClientEvent]) throws {
        let members = events.filter { $0.type == "m.room.member" && $0.stateKey != nil }
        guard !members.isEmpty else { return }
        try isolated("member names in \(roomID)") { router in
            guard try router.writer.rooms.find(id: roomID) != nil else { return }
            for event in members {
                guard let userID = event.stateKey, userID != router.context.botUserID else { continue }
                let name = event.membership == .join ? event.displayName : nil
                try router.writer.roster.setMemberName(roomID: roomID, userID: userID, displayName: name)
            }
        }
    }
}
