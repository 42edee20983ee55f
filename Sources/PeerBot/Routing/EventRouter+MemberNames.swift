import MatrixClient
import PeerBotStore

extension EventRouter {
    /// Remembers the display names members of a managed room have there, from the room's state
    /// and timeline in this batch, in order, so a command may name them as their client shows
    /// them. Setting a name is idempotent, so a replayed batch does no harm.
    mutating func rememberMemberNames(roomID: String, state: [ClientEvent], timeline: [ClientEvent]) throws {
        // Filtered apart, then joined: the batch's events are not copied into one array first.
        let isMember = { (event: ClientEvent) in event.type == "m.room.member" && event.stateKey != nil }
        let members = state.filter(isMember) + timeline.filter(isMember)
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
