extension CommandName {
    /// One line saying what the command does, in `language`.
    public func summary(language: Language) -> String {
        let (english, danish) = summaries
        return language == .da ? danish : english
    }

    private var summaries: (String, String) {
        switch self {
        case .help: ("Show the commands you can use here, or how to use one of them.",
                     "Vis de kommandoer, du kan bruge her, eller hvordan én af dem bruges.")
        case .status: ("Your next session, its facilitator, your open tasks and what is waiting for you.",
                       "Din næste session, hvem der faciliterer, dine åbne opgaver og det, der venter på dig.")
        case .studentAdd: ("Add a student to the roster or update one; any key=value is an attribute (strengths=, background=, style=).",
                           "Tilføj eller opdatér en studerende på holdlisten; enhver nøgle=værdi er en egenskab (styrker=, baggrund=, stil=).")
        case .studentRemove: ("Remove a student from the roster and from future sessions.",
                              "Fjern en studerende fra holdlisten og fra kommende sessioner.")
        case .students: ("Show the roster.", "Vis holdlisten.")
        case .groupsPlan: ("Propose diverse groups (no rooms yet), with scores and a random split for comparison.",
                           "Foreslå alsidige grupper (endnu uden rum) med score og en tilfældig fordeling til sammenligning.")
        case .groupsCreate: ("Create rooms for the last proposal, invite everyone and post a welcome.",
                             "Opret rum til det seneste forslag, invitér alle og send en velkomst.")
        case .groups: ("Show the groups with their rooms and members.", "Vis grupperne med deres rum og medlemmer.")
        case .groupMove: ("Move a student to another existing group.", "Flyt en studerende til en anden eksisterende gruppe.")
        case .sessionPlan: ("Plan a session (one per group with all); the reply gives each session's #number.",
                            "Planlæg en session (én pr. gruppe med alle); svaret giver hver session et #nummer.")
        case .sessionGoal: ("Add a goal to a session.", "Tilføj et mål til en session.")
        case .sessionOutcome: ("Add an expected outcome to a session.", "Tilføj et forventet læringsudbytte til en session.")
        case .sessionActivity: ("Set the session's activity and a short brief.",
                                "Angiv sessionens aktivitet og en kort beskrivelse.")
        case .sessionMove: ("Move a session to a new time; the members are told.",
                            "Flyt en session til et nyt tidspunkt; deltagerne får besked.")
        case .sessionCancel: ("Cancel a session; the members are told.", "Aflys en session; deltagerne får besked.")
        case .sessions: ("Show planned and past sessions.", "Vis planlagte og tidligere sessioner.")
        case .understood: ("Confirm that you understand the goals of the next session.",
                           "Bekræft, at du har forstået målene for næste session.")
        case .question: ("Ask a question about the goals; it goes to your supervisors.",
                         "Stil et spørgsmål om målene; det sendes til dine vejledere.")
        case .ready: ("Mark a student as ready to facilitate.", "Markér en studerende som klar til at facilitere.")
        case .notReady: ("Mark a student as not ready to facilitate.",
                         "Markér en studerende som ikke klar til at facilitere.")
        case .facilitator: ("Who facilitates the next session; a supervisor may choose someone else.",
                            "Hvem der faciliterer næste session; en vejleder kan vælge en anden.")
        case .absent: ("Report absence from a session; the facilitator rotation skips you.",
                       "Meld afbud til en session; du springes over, når facilitatorrollen går på omgang.")
        case .taskAdd: ("Add a task for one student or for the group.", "Tilføj en opgave til én studerende eller til gruppen.")
        case .taskDone: ("Mark a task as done.", "Markér en opgave som færdig.")
        case .tasks: ("Show your tasks and the group's.", "Vis dine og gruppens opgaver.")
        case .reflect: ("Reflect on the latest session: shared in the group room, private in your direct chat with me.",
                        "Reflektér over seneste session: delt i grupperummet, privat i din direkte samtale med mig.")
        case .criteria: ("Set the assessment criteria; they are posted and pinned in every group room.",
                         "Fastsæt vurderingskriterierne; de slås op og fastgøres i alle grupperum.")
        case .evaluate: ("Start a peer-assessment round now.", "Start en runde med peer-vurdering nu.")
        case .feedback: ("Give feedback to one student (privately) or to a group.",
                         "Giv feedback til én studerende (privat) eller til en gruppe.")
        case .summary: ("Post the summary of a session now.", "Send opsummeringen af en session nu.")
        case .export: ("Upload a CSV of reflections, participation and assessments to the supervisor room.",
                       "Upload en CSV-fil med refleksioner, deltagelse og vurderinger til vejlederrummet.")
        case .remind: ("Nudge everyone with an open confirmation, reflection or assessment.",
                       "Påmind alle, der mangler en bekræftelse, en refleksion eller en vurdering.")
        case .language: ("Set this room's language (da or en).", "Vælg sproget i dette rum (da eller en).")
        case .mydata: ("Get everything stored about you, as a file in your direct chat with me.",
                       "Få alt, hvad der er gemt om dig, som en fil i din direkte samtale med mig.")
        }
    }
}
