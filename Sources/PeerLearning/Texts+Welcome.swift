extension Texts {
    /// Posted once in the supervisor room the bot created: what the room is for and the first steps.
    public func supervisorRoomWelcome() -> BotMessage {
        func call(_ name: CommandName, _ arguments: String = "") -> MessageInline {
            .code(prefix + name.displayWord(in: language) + (arguments.isEmpty ? "" : " " + arguments))
        }
        let da = language == .da
        let intro = pick(da: "Velkommen til vejlederrummet. Her får I opsummeringer af sessionerne, de studerendes spørgsmål til målene og advarsler, fx om studerende, der ikke er kommet ind i deres grupperum. Kun vejledere er med her.",
                         en: "Welcome to the supervisor room. Session summaries, students' questions about the goals and alerts (for example students who have not joined their group room) arrive here. Only supervisors are in this room.")
        let start = pick(da: "Sådan kommer I i gang:", en: "To get started:")
        let steps: [[MessageInline]] = [
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
        let outro: [MessageInline] = [.text(da ? "Skriv " : "Write "), call(.help),
                              .text(da ? " for at se alle kommandoer." : " to see every command.")]
        let list = MessageList(.numbered, items: steps.map { .init($0) })
        return BotMessage(kind: .welcome, [.paragraph([.text(intro)]), .group([.paragraph([.text(start)]), .list(list)]),
                                           .paragraph(outro)])
    }
}
