extension Texts {
    /// Posted once in the supervisor room the bot created: what the room is for and the first steps.
    public static func supervisorRoomWelcome(prefix: String = "!", language: Language) -> BotMessage {
        func call(_ name: CommandName, _ arguments: String = "") -> String {
            prefix + name.displayWord(in: language) + (arguments.isEmpty ? "" : " " + arguments)
        }
        let intro = pick(language,
                         da: "Velkommen til vejlederrummet. Her får I opsummeringer af sessionerne, de studerendes spørgsmål til målene og advarsler, fx om studerende, der ikke er kommet ind i deres grupperum. Kun vejledere er med her.",
                         en: "Welcome to the supervisor room. Session summaries, students' questions about the goals and alerts (for example students who have not joined their group room) arrive here. Only supervisors are in this room.")
        let start = pick(language, da: "Sådan kommer I i gang:", en: "To get started:")
        let addStudent = call(.studentAdd, language == .da ? "@anna:eksempel.dk \"Anna Hansen\" styrker=kommunikation baggrund=sygeplejerske"
                                                           : "@anna:example.org \"Anna Hansen\" strengths=communication background=nursing")
        let planSession = call(.sessionPlan, language == .da ? "A i morgen 14:00 1h30m Sepsis-case" : "A tomorrow 14:00 1h30m Sepsis case")
        let steps: [(String, String, String)] = [
            (pick(language, da: "Tilføj studerende med ", en: "Add students with "), addStudent,
             pick(language, da: " — eller upload holdlisten her som en .csv-fil med kolonnerne matrix_id,name,…",
                  en: " — or upload the roster here as a .csv file with the header matrix_id,name,…")),
            (pick(language, da: "Foreslå grupper med ", en: "Propose groups with "), call(.groupsPlan),
             pick(language, da: " og opret deres rum med \(call(.groupsCreate)).", en: " and create their rooms with \(call(.groupsCreate)).")),
            (pick(language, da: "Planlæg sessioner med ", en: "Plan sessions with "), planSession, "."),
        ]
        let outro = pick(language, da: "Skriv \(call(.help)) for at se alle kommandoer.",
                         en: "Write \(call(.help)) to see every command.")
        var body = [intro, "", start]
        var html = paragraph(intro) + "<p>\(start)</p><ol>"
        for (number, step) in steps.enumerated() {
            body.append("\(number + 1). \(step.0)\(step.1)\(step.2)")
            html += "<li>\(HTML.escape(step.0))\(code(step.1))\(HTML.escape(step.2))</li>"
        }
        body += ["", outro]
        html += "</ol>" + paragraph(outro)
        return BotMessage(kind: .welcome, body: body.joined(separator: "\n"), html: html)
    }
}
