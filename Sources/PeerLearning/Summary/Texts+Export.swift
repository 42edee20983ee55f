extension SummaryTexts {
    /// The caption of one exported file.
    public func exportFile(name: String) -> BotMessage {
        BotMessage(kind: .export, caption: name)
    }

    /// The reply to `!export`: which files are on their way to the supervisor room.
    public func exportQueued(files: [String], reflections: Int) -> BotMessage {
        let list = files.joined(separator: ", ")
        let text = pick(da: "Eksporten (\(list)) uploades til vejlederrummet: \(reflections) refleksioner, deltagelse, opgaver, peer-vurderinger og feedback.",
                        en: "The export (\(list)) is being uploaded to the supervisor room: \(reflections) reflections, participation, tasks, peer-assessment results and feedback.")
        return BotMessage(kind: .export, paragraph: text)
    }
}
