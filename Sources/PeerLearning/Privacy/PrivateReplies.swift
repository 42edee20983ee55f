/// Which replies carry private texts and so go to the supervisor room wherever they were asked.
public enum PrivateReplies {
    /// Summaries (every reflection), the roster and a student's stored entry (diversity
    /// attributes), exports and overviews: as their definitions say.
    public static func belongInSupervisorRoom(_ command: Command) -> Bool {
        command.name.definition.answersInSupervisorRoom
    }

    /// Kinds that are private whichever command made them; an error reply stays where it was asked.
    public static func belongInSupervisorRoom(_ reply: BotMessage, command: Command) -> Bool {
        if reply.kind == .error { return false }
        return belongInSupervisorRoom(command) || reply.kind == .summary || reply.kind == .assessmentResult
            || reply.kind == .overview
    }
}
