extension Texts {
    /// The supervisor room's name, as the bot creates it.
    public static func supervisorRoomName(language: Language) -> String {
        language == .da ? "peerbot – vejledere" : "peerbot – supervisors"
    }

    /// The supervisor room's topic.
    public static func supervisorRoomTopic(language: Language) -> String {
        language == .da
            ? "Opsummeringer, spørgsmål og advarsler fra peerbot. Kun for kliniske vejledere."
            : "Summaries, questions and alerts from peerbot. For clinical supervisors only."
    }
}
