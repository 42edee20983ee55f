extension Texts {
    /// Where a private reply was asked for: it went to the supervisor room instead.
    public static func sentToSupervisorRoom(roomID: String, language: Language) -> BotMessage {
        let body = pick(language, da: "Svaret indeholder fortrolige oplysninger, så det er sendt til vejlederrummet.",
                        en: "The answer holds private information, so it was sent to the supervisor room.")
        let link = "<a href=\"https://matrix.to/#/\(HTML.escape(roomID))\">"
            + pick(language, da: "vejlederrummet", en: "the supervisor room") + "</a>"
        let html = pick(language, da: "<p>Svaret indeholder fortrolige oplysninger, så det er sendt til \(link).</p>",
                        en: "<p>The answer holds private information, so it was sent to \(link).</p>")
        return BotMessage(kind: .reply, body: body, html: html)
    }

    /// A private reply asked for while no supervisor room is known: nothing is shown.
    public static func noSupervisorRoomForPrivate(language: Language) -> BotMessage {
        let body = pick(language, da: "Svaret indeholder fortrolige oplysninger og vises kun i vejlederrummet, som ikke findes endnu.",
                        en: "The answer holds private information and is shown only in the supervisor room, which does not exist yet.")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .conflict)
    }

    /// `!reflect` in a room that is neither the student's group room nor their direct room.
    public static func reflectNotHere(language: Language) -> BotMessage {
        let body = pick(language,
                        da: "Her læser hele rummet med, så refleksionen er ikke gemt. Skriv den i dit direkte rum med mig (privat: du og dine vejledere) eller i dit grupperum (delt med gruppen).",
                        en: "Everyone in this room would read it, so the reflection was not saved. Write it in your direct room with me (private: you and your supervisors) or in your group room (shared with the group).")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .badArguments)
    }
}

extension Texts {
    /// The reason shown with the kick of someone who does not belong in a group room.
    public static func outsiderKickReason(group: String, language: Language) -> String {
        pick(language, da: "Kun gruppe \(group)s studerende og vejlederne har adgang til rummet.",
             en: "Only the students of group \(group) and the supervisors may be in this room.")
    }

    /// To the supervisor room: someone outside the group was removed from its room.
    public static func outsiderRemoved(userID: String, group: String, language: Language) -> BotMessage {
        let body = pick(language,
                        da: "\(userID) er hverken på holdlisten for gruppe \(group) eller vejleder og er fjernet fra gruppens rum. Tilføj personen til gruppen, hvis de skal være der.",
                        en: "\(userID) is neither on the roster of group \(group) nor a supervisor and was removed from the group's room. Add them to the group if they should be there.")
        return BotMessage(kind: .alert, body: body, html: paragraph(body), group: group)
    }
}
