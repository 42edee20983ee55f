import Foundation

/// One step of answering the loss of a room the bot manages, in the order the runtime applies it.
public enum RoomLossEffect: Sendable, Equatable {
    /// Forget the lost direct room (and its name), so the next message to the student makes a new one.
    case forgetDirectRoom
    /// Keep the room's record but as not joined: it waits for a supervisor's invite.
    case markLeft
    /// Send `message` to the student's direct room (a new one, the old being forgotten), mentioning them.
    case tell(userID: String, BotMessage)
    /// Post `message` in the supervisor room, naming the supervisors.
    case toSupervisors(BotMessage)
}

/// The decision when the bot is no longer in a room it manages (kicked, banned or left): a
/// student's lost direct room is replaced by a new one; a group or the supervisor room waits for
/// a supervisor's invite; the supervisors are told unless it is their room that was lost.
public enum RoomLoss {
    /// The lost room as the decision needs it: `userID` is whom a direct room was with, and
    /// `studentOnRoster` whether they are still a student on the roster.
    public struct Room: Sendable, Equatable {
        public var roomID: String
        public var kind: String
        public var group: String?
        public var userID: String?
        public var studentOnRoster: Bool

        public init(roomID: String, kind: String, group: String?, userID: String?, studentOnRoster: Bool) {
            self.roomID = roomID
            self.kind = kind
            self.group = group
            self.userID = userID
            self.studentOnRoster = studentOnRoster
        }
    }

    /// `remover` is who removed the bot (nil when it left by itself);
    /// `student` speaks the deployment's language, `supervisors` the supervisor room's (nil when
    /// there is no joined supervisor room, so nobody is told).
    public static func decide(_ room: Room, remover: String?, banned: Bool, student: Texts, supervisors: Texts?) -> [RoomLossEffect] {
        var effects: [RoomLossEffect] = []
        var replaced = false
        if room.kind == "direct", let userID = room.userID {
            effects.append(.forgetDirectRoom)
            if room.studentOnRoster {
                effects.append(.tell(userID: userID, student.privacy.directRoomReplaced()))
                replaced = true
            }
        } else {
            effects.append(.markLeft)
        }
        guard room.kind != "supervisor", let supervisors else { return effects }
        let lost = LostRoom(roomID: room.roomID, kind: room.kind, group: room.group, student: room.userID, by: remover,
                            banned: banned, replaced: replaced)
        return effects + [.toSupervisors(supervisors.privacy.roomLost(lost))]
    }
}
