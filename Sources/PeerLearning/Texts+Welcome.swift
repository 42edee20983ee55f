extension Texts {
    /// A piece of a message line: prose, or a command shown in code style in HTML.
    enum Piece {
        case text(String)
        case command(String)

        var plain: String {
            switch self {
            case let .text(text), let .command(text): text
            }
        }

        var html: String {
            switch self {
            case let .text(text): HTML.escape(text)
            case let .command(text): HTML.code(text)
            }
        }
    }

    /// Posted once in the supervisor room the bot created: what the room is for and the first steps.
    public func supervisorRoomWelcome() -> BotMessage {
        func call(_ name: CommandName, _ arguments: String = "") -> Piece {
            .command(prefix + name.displayWord(in: language) + (arguments.isEmpty ? "" : " " + arguments))
        }
        let da = language == .da
        let intro = pick(da: "Velkommen til vejlederrummet. Her får I opsummeringer af sessionerne, de studerendes spørgsmål til målene og advarsler, fx om studerende, der ikke er kommet ind i deres grupperum. Kun vejledere er med her.",
                         en: "Welcome to the supervisor room. Session summaries, students' questions about the goals and alerts (for example students who have not joined their group room) arrive here. Only supervisors are in this room.")
        let start = pick(da: "Sådan kommer I i gang:", en: "To get started:")
        let steps: [[Piece]] = [
            [.text(da ? "Tilføj studerende med " : "Add students with "),
             call(.studentAdd, da ? "@anna:eksempel.dk \"Anna Hansen\" styrker=kommunikation baggrund=sygeplejerske"
                                  : "@anna:example.org \"Anna Hansen\" strengths=communication background=nursing"),
             .text(da ? " — eller upload holdlisten her som en .csv-fil med kolonnerne matrix_id,name,…"
                      : " — or upload the roster here as a .csv file with the header matrix_id,name,…")],
            [.text(da ? "Foreslå grupper med " : "Propose groups with "), call(.groupsPlan),
             .text(da ? " og opret deres rum med " : " and create their rooms with "), call(.groupsCreate), .text(".")],
            [.text(da ? "Planlæg sessioner med " : "Plan sessions with "),
             call(.sessionPlan, da ? "A i morgen 14:00 1h30m Sepsis-case" : "A tomorrow 14:00 1h30m Sepsis case"),
             .text(".")],
        ]
        let outro: [Piece] = [.text(da ? "Skriv " : "Write "), call(.help),
                              .text(da ? " for at se alle kommandoer." : " to see every command.")]
        var body = [intro, "", start]
        var html = HTML.paragraph(intro) + "<p>\(start)</p><ol>"
        for (number, step) in steps.enumerated() {
            body.append("\(number + 1). " + step.map(\.plain).joined())
            html += "<li>" + step.map(\.html).joined() + "</li>"
        }
        body += ["", outro.map(\.plain).joined()]
        html += "</ol><p>" + outro.map(\.html).joined() + "</p>"
        return BotMessage(kind: .welcome, body: body.joined(separator: "\n"), html: html)
    }
}
