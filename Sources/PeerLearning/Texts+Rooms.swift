extension Texts {
    /// The supervisor room's name, as the bot creates it.
    public func supervisorRoomName() -> String {
        language == .da ? "peerbot – vejledere" : "peerbot – supervisors"
    }

    /// The supervisor room's topic.
    public func supervisorRoomTopic() -> String {
        language == .da
            ? "Opsummeringer, spørgsmål og advarsler fra peerbot. Kun for kliniske vejledere."
            : "Summaries, questions and alerts from peerbot. For clinical supervisors only."
    }
}
