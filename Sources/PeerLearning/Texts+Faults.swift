extension Texts {
    /// A message the bot could not handle because of something in it; it will not be tried again.
    public func messageNotHandled() -> BotMessage {
        let body = pick(da: "Jeg kunne ikke behandle denne besked, og intet er gemt fra den. Prøv igen med en anden formulering; hjælper det ikke, så kontakt en vejleder.",
                        en: "I could not handle this message, and nothing from it was saved. Try again worded differently; if that does not help, contact a supervisor.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// An encrypted message the bot could not read: its room key never reached it.
    public func undecryptable() -> BotMessage {
        let body = pick(da: "Jeg kunne ikke læse din krypterede besked: nøglen til den nåede aldrig frem til mig, så intet er gemt fra den. Send den venligst igen.",
                        en: "I could not read your encrypted message: its key never reached me, so nothing from it was saved. Please send it again.")
        return BotMessage(kind: .undecryptable, paragraph: body)
    }

    /// A text over its kind's limit; nothing was saved.
    public func textTooLong(_ kind: TextKind, length: Int) -> BotMessage {
        let what = textKindName(kind)
        let body = pick(da: "For lang tekst: \(what) må højst fylde \(kind.limit) tegn, og din tekst fylder \(length). Intet er gemt — forkort teksten og send den igen.",
                        en: "Text too long: \(what) may be at most \(kind.limit) characters, and yours has \(length). Nothing was saved — shorten the text and send it again.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// A reflection (thread reply, direct message or `!reflect`) with no text in it.
    public func emptyReflection() -> BotMessage {
        let body = pick(da: "Din refleksion var tom, så intet er gemt. Skriv din refleksion som tekst.",
                        en: "Your reflection was empty, so nothing was saved. Write your reflection as text.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    /// To the supervisor room: a timed job failed again and again and is set aside.
    public func jobSetAside(_ job: String, attempts: Int) -> BotMessage {
        let body = pick(da: "En planlagt opgave (\(job)) mislykkedes \(attempts) gange i træk og er lagt til side; den prøves ikke igen, heller ikke efter en genstart. Andre opgaver kører videre. Administratoren kan se årsagen i loggen og, når den er rettet, lade opgaven køre igen (se administratorvejledningen).",
                        en: "A scheduled job (\(job)) failed \(attempts) times in a row and is set aside; it will not be tried again, not even after a restart. Other jobs carry on. The administrator can find the cause in the log and, once it is fixed, let the job run again (see the admin guide).")
        return BotMessage(kind: .alert, paragraph: body)
    }

    func textKindName(_ kind: TextKind) -> String {
        switch kind {
        case .reflection: pick(da: "en refleksion", en: "a reflection")
        case .question: pick(da: "et spørgsmål", en: "a question")
        case .task: pick(da: "en opgave", en: "a task")
        case .name: pick(da: "et navn eller en egenskab", en: "a name or attribute")
        case .title: pick(da: "en titel", en: "a title")
        case .goal: pick(da: "et mål eller udbytte", en: "a goal or outcome")
        case .brief: pick(da: "en beskrivelse", en: "a description")
        case .feedback: pick(da: "en feedback", en: "feedback")
        case .criteria: pick(da: "kriterierne", en: "the criteria")
        case .comment: pick(da: "en kommentar", en: "a comment")
        }
    }
}
