extension Texts {
    /// To one student on `!release`: their band (never the number) and, when at least `minimum`
    /// peers commented, those comments without names; otherwise that too few did.
    public static func releasedResult(
        band: WebPABand?, comments: [String]?, minimum: Int, group: String, language: Language
    ) -> BotMessage {
        var message = MessageBuilder()
        message.heading(pick(language, da: "Din peer-vurdering – ", en: "Your peer assessment — ") + groupLabel(group, language))
        if let band {
            message.line(pick(language,
                              da: "De andre i gruppen vurderede dit bidrag \(band.description(in: language)).",
                              en: "The others in your group rated your contribution \(band.description(in: language))."))
        } else {
            message.line(pick(language, da: "Ingen i gruppen nåede at vurdere dig i denne runde, så du har intet niveau.",
                              en: "Nobody in your group rated you in this round, so there is no band for you."))
        }
        if let comments {
            message.line(pick(language, da: "Det skrev de andre om dig (uden navne, i tilfældig rækkefølge):",
                              en: "What the others wrote about you (without names, in random order):"))
            for comment in comments { message.quotation(comment) }
        } else {
            let few = pick(language,
                           da: "Færre end \(minimum) i gruppen skrev en kommentar om dig, så kommentarerne vises ikke – ellers kunne du se, hvem der skrev hvad.",
                           en: "Fewer than \(minimum) of your peers wrote a comment about you, so no comments are shown — otherwise you could tell who wrote what.")
            message.line(few)
        }
        message.line(pick(language,
                          da: "Niveauet siger, hvordan de andre vurderede dit bidrag sammenlignet med resten af gruppen. Det er ikke en karakter; tal med din vejleder, hvis du vil vide mere.",
                          en: "The band says how the others rated your contribution compared with the rest of the group. It is not a grade; talk to your supervisor if you would like to know more."))
        return message.message(.release, group: group)
    }

    /// To the supervisor: the round went out; how many got comments and how many were told too few did.
    public static func roundReleased(group: String, round: Int, students: Int, withComments: Int, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "Runde \(round) af peer-vurderingen i \(groupLabel(group, language)) er frigivet til \(students) studerende i deres direkte rum: \(withComments) fik de andres kommentarer, \(students - withComments) fik at vide, at for få skrev en.",
                        en: "Round \(round) of the peer assessment of \(groupLabel(group, language)) is released to \(students) students in their direct rooms: \(withComments) got their peers' comments, \(students - withComments) were told too few peers wrote one.")
        return BotMessage(kind: .reply, body: text, html: paragraph(text), group: group)
    }

    /// `!release` of a round already released; nothing was sent again.
    public static func roundAlreadyReleased(group: String, round: Int, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "Runde \(round) af peer-vurderingen i \(groupLabel(group, language)) er allerede frigivet. Intet er sendt igen.",
                        en: "Round \(round) of the peer assessment of \(groupLabel(group, language)) was already released. Nothing was sent again.")
        return BotMessage(kind: .error, body: text, html: paragraph(text), group: group, error: .conflict)
    }

    /// `!release` of a round still open: the students are still rating.
    public static func roundStillOpen(group: String, round: Int, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "Runde \(round) af peer-vurderingen i \(groupLabel(group, language)) er ikke afsluttet endnu; den kan frigives, når resultatet er kommet i vejlederrummet.",
                        en: "Round \(round) of the peer assessment of \(groupLabel(group, language)) has not closed yet; it can be released once its result is in the supervisor room.")
        return BotMessage(kind: .error, body: text, html: paragraph(text), group: group, error: .conflict)
    }

    /// `!release` for a group without that round (or without any).
    public static func noSuchRound(group: String, round: Int?, language: Language) -> BotMessage {
        let text = round.map { number in
            pick(language, da: "\(groupLabel(group, language).capitalizedFirst) har ingen runde \(number) af peer-vurderingen.",
                 en: "\(groupLabel(group, language).capitalizedFirst) has no round \(number) of peer assessment.")
        } ?? pick(language, da: "\(groupLabel(group, language).capitalizedFirst) har endnu ingen afsluttet peer-vurdering.",
                  en: "\(groupLabel(group, language).capitalizedFirst) has no closed peer assessment yet.")
        return BotMessage(kind: .error, body: text, html: paragraph(text), group: group, error: .notFound)
    }
}
