import Foundation

/// A room this user was invited to, as the invite showed it.
struct Invite: Sendable {
    let roomID: String
    let inviter: String
    /// The inviter marked it a direct chat (`is_direct` on the invite's member event).
    let isDirect: Bool
}

extension TestUser {
    /// Every invite seen so far that `inviter` sent to this user (rooms joined since included).
    func invitesSeen(from inviter: String) -> [Invite] {
        let me = userID
        return invites.compactMap { roomID, state in
            guard let member = state.first(where: { $0.type == "m.room.member" && $0.stateKey == me }),
                  member.sender == inviter else { return nil }
            return Invite(roomID: roomID, inviter: inviter, isDirect: member.content["is_direct"]?.bool ?? false)
        }.sorted { $0.roomID < $1.roomID }
    }

    /// Syncs until `inviter` has sent at least `count` invites; returns them all.
    func waitForInvites(
        from inviter: String, count: Int, timeout: Duration, check: @Sendable () throws -> Void = {}
    ) async throws -> [Invite] {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let found = invitesSeen(from: inviter)
            if found.count >= count { return found }
            try check()
            let left = deadline - clock.now
            guard left > .zero else {
                throw HarnessError.timedOut(what: "\(count) invites from \(inviter) (have \(found.count))", after: timeout)
            }
            try await sync(timeout: min(left, .seconds(5)))
        }
    }
}
