/// Who may be in a group room: the group's students, the supervisors and the bot.
public enum GroupRoomMembers {
    /// True for anyone else, who would read the group's history and reflections.
    public static func isOutsider(_ userID: String, members: [String], supervisors: [String], bot: String) -> Bool {
        userID != bot && !members.contains(userID) && !supervisors.contains(userID)
    }
}
