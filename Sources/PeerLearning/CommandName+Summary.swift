extension CommandName {
    /// One line saying what the command does, in `language`.
    public func summary(language: Language) -> String {
        language == .da ? danishSummary : englishSummary
    }

    private var englishSummary: String {
        switch self {
        case .help: "Show the commands you can use here, or how to use one of them."
        case .status: "Your next session, its facilitator, your open tasks and what is waiting for you."
        case .studentAdd: "Add a student to the roster or update one; any key=value is an attribute (strengths=, background=, style=)."
        case .studentRemove: "Remove a student from the roster and from future sessions."
        case .students: "Show the roster."
        case .groupsPlan: "Propose diverse groups (no rooms yet), with scores and a random split for comparison."
        case .groupsCreate: "Create rooms for the last proposal, invite everyone and post a welcome."
        case .groups: "Show the groups with their rooms and members."
        case .groupMove: "Move a student to another existing group."
        case .sessionPlan: "Plan a session (one per group with all); the reply gives each session's #number."
        case .sessionGoal: "Add a goal to a session."
        case .sessionOutcome: "Add an expected outcome to a session."
        case .sessionActivity: "Set the session's activity and a short brief."
        case .sessionMove: "Move a session to a new time; the members are told."
        case .sessionCancel: "Cancel a session; the members are told."
        case .sessions: "Show planned and past sessions."
        case .understood: "Confirm that you understand the goals of the next session."
        case .question: "Ask a question about the goals; it goes to your supervisors."
        case .ready: "Mark a student as ready to facilitate."
        case .notReady: "Mark a student as not ready to facilitate."
        case .facilitator: "Who facilitates the next session; a supervisor may choose someone else."
        case .absent: "Report absence from a session; the facilitator rotation skips you."
        case .taskAdd: "Add a task for one student or for the group."
        case .taskDone: "Mark a task as done."
        case .tasks: "Show your tasks and the group's."
        case .reflect: "Reflect on the latest session: shared in the group room, private in your direct chat with me."
        case .criteria: "Set the assessment criteria; they are posted and pinned in every group room."
        case .evaluate: "Start a peer-assessment round now."
        case .feedback: "Give feedback to one student (privately) or to a group."
        case .summary: "Post the summary of a session now."
        case .export: "Upload a CSV of reflections, participation and assessments to the supervisor room."
        case .remind: "Nudge everyone with an open confirmation, reflection or assessment."
        case .language: "Set this room's language (da or en)."
        case .mydata: "Get everything stored about you, as a file in your direct chat with me."
        }
    }

    private var danishSummary: String {
        switch self {
        case .help: "Vis de kommandoer, du kan bruge her, eller hvordan én af dem bruges."
        case .status: "Din næste session, hvem der faciliterer, dine åbne opgaver og det, der venter på dig."
        case .studentAdd: "Tilføj eller opdatér en studerende på holdlisten; enhver nøgle=værdi er en egenskab (styrker=, baggrund=, stil=)."
        case .studentRemove: "Fjern en studerende fra holdlisten og fra kommende sessioner."
        case .students: "Vis holdlisten."
        case .groupsPlan: "Foreslå alsidige grupper (endnu uden rum) med score og en tilfældig fordeling til sammenligning."
        case .groupsCreate: "Opret rum til det seneste forslag, invitér alle og send en velkomst."
        case .groups: "Vis grupperne med deres rum og medlemmer."
        case .groupMove: "Flyt en studerende til en anden eksisterende gruppe."
        case .sessionPlan: "Planlæg en session (én pr. gruppe med alle); svaret giver hver session et #nummer."
        case .sessionGoal: "Tilføj et mål til en session."
        case .sessionOutcome: "Tilføj et forventet læringsudbytte til en session."
        case .sessionActivity: "Angiv sessionens aktivitet og en kort beskrivelse."
        case .sessionMove: "Flyt en session til et nyt tidspunkt; deltagerne får besked."
        case .sessionCancel: "Aflys en session; deltagerne får besked."
        case .sessions: "Vis planlagte og tidligere sessioner."
        case .understood: "Bekræft, at du har forstået målene for næste session."
        case .question: "Stil et spørgsmål om målene; det sendes til dine vejledere."
        case .ready: "Markér en studerende som klar til at facilitere."
        case .notReady: "Markér en studerende som ikke klar til at facilitere."
        case .facilitator: "Hvem der faciliterer næste session; en vejleder kan vælge en anden."
        case .absent: "Meld afbud til en session; du springes over, når facilitatorrollen går på omgang."
        case .taskAdd: "Tilføj en opgave til én studerende eller til gruppen."
        case .taskDone: "Markér en opgave som færdig."
        case .tasks: "Vis dine og gruppens opgaver."
        case .reflect: "Reflektér over seneste session: delt i grupperummet, privat i din direkte samtale med mig."
        case .criteria: "Fastsæt vurderingskriterierne; de slås op og fastgøres i alle grupperum."
        case .evaluate: "Start en runde med peer-vurdering nu."
        case .feedback: "Giv feedback til én studerende (privat) eller til en gruppe."
        case .summary: "Send opsummeringen af en session nu."
        case .export: "Upload en CSV-fil med refleksioner, deltagelse og vurderinger til vejlederrummet."
        case .remind: "Påmind alle, der mangler en bekræftelse, en refleksion eller en vurdering."
        case .language: "Vælg sproget i dette rum (da eller en)."
        case .mydata: "Få alt, hvad der er gemt om dig, som en fil i din direkte samtale med mig."
        }
    }
}
