/// What the bot does with an `m.room.tombstone` in a room it manages.
public enum RoomUpgrade: Equatable, Sendable {
    /// Join the replacement room and carry the old room's registry over to it.
    case follow(replacementRoomID: String)
    /// Leave everything as it is; the reason is for the log.
    case ignore(reason: String)

    /// Decides on a tombstone. Only a supervisor or the bot itself may move a managed room: in
    /// room version 12 a tombstone needs the creator or power 150, which a student never has,
    /// but an older room or a misconfigured power level must not hand a student the bot.
    public static func decide(roomID: String, sender: String, replacementRoomID: String?,
                              supervisors: [String], botUserID: String) -> RoomUpgrade {
        guard sender == botUserID || supervisors.contains(sender) else {
            return .ignore(reason: "sender is neither a supervisor nor the bot")
        }
        guard let replacement = replacementRoomID, isRoomID(replacement) else {
            return .ignore(reason: "no valid replacement_room")
        }
        guard replacement != roomID else { return .ignore(reason: "replacement_room is the room itself") }
        return .follow(replacementRoomID: replacement)
    }

    /// A room id as the store accepts it: `!` and at least one more character, no whitespace,
    /// short enough to be a real id (the spec caps ids at 255 bytes).
    static func isRoomID(_ text: String) -> Bool {
        text.hasPrefix("!") && text.utf8.count > 1 && text.utf8.count <= 255
            && !text.contains(where: { $0.isWhitespace || $0.isNewline })
    }
}
