extension Texts {
    /// The caption of one exported file.
    public static func exportFile(name: String, language: Language) -> BotMessage {
        BotMessage(kind: .export, body: name)
    }

    /// The reply to `!export`: which files are on their way to the supervisor room.
    public static func exportQueued(files: [String], reflections: Int, language: Language) -> BotMessage {
        let list = files.joined(separator: ", ")
        let text = pick(language,
                        da: "Eksporten (\(list)) uploades til vejlederrummet: \(reflections) refleksioner, deltagelse, opgaver, peer-vurderinger og feedback.",
                        en: "The export (\(list)) is being uploaded to the supervisor room: \(reflections) reflections, participation, tasks, peer-assessment results and feedback.")
        return BotMessage(kind: .export, body: text, html: paragraph(text))
    }
}
