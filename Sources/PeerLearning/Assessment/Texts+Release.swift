extension AssessmentTexts {
    /// To one student on `!release`: their band (never the number) and, when at least `minimum`
    /// peers commented, those comments without names; otherwise that too few did.
    public func releasedResult(
        band: WebPABand?, comments: [String]?, minimum: Int, group: String
    ) -> BotMessage {
        var message = MessageBuilder()
        message.heading(pick(da: "Din peer-vurdering – ", en: "Your peer assessment — ") + groupLabel(group))
        if let band {
            message.line(pick(da: "De andre i gruppen vurderede dit bidrag \(band.description(in: language)).",
                              en: "The others in your group rated your contribution \(band.description(in: language))."))
        } else {
            message.line(pick(da: "Ingen i gruppen nåede at vurdere dig i denne runde, så du har intet niveau.",
                              en: "Nobody in your group rated you in this round, so there is no band for you."))
        }
        if let comments {
            message.line(pick(da: "Det skrev de andre om dig (uden navne, i tilfældig rækkefølge):",
                              en: "What the others wrote about you (without names, in random order):"))
            for comment in comments { message.quotation(comment) }
        } else {
            let few = pick(da: "Færre end \(minimum) i gruppen skrev en kommentar om dig, så kommentarerne vises ikke – ellers kunne du se, hvem der skrev hvad.",
                           en: "Fewer than \(minimum) of your peers wrote a comment about you, so no comments are shown — otherwise you could tell who wrote what.")
            message.line(few)
        }
        message.line(pick(da: "Niveauet siger, hvordan de andre vurderede dit bidrag sammenlignet med resten af gruppen. Det er ikke en karakter; tal med din vejleder, hvis du vil vide mere.",
                          en: "The band says how the others rated your contribution compared with the rest of the group. It is not a grade; talk to your supervisor if you would like to know more."))
        return message.message(.release, group: group)
    }

    /// To the supervisor: the round went out; how many got comments and how many were told too few did.
    public func roundReleased(group: String, round: Int, students: Int, withComments: Int) -> BotMessage {
        let text = pick(da: "Runde \(round) af peer-vurderingen i \(groupLabel(group)) er frigivet til \(students) studerende i deres direkte rum: \(withComments) fik de andres kommentarer, \(students - withComments) fik at vide, at for få skrev en.",
                        en: "Round \(round) of the peer assessment of \(groupLabel(group)) is released to \(students) students in their direct rooms: \(withComments) got their peers' comments, \(students - withComments) were told too few peers wrote one.")
        return BotMessage(kind: .reply, paragraph: text, group: group)
    }

    /// `!release` of a round already released; nothing was sent again.
    public func roundAlreadyReleased(group: String, round: Int) -> BotMessage {
        let text = pick(da: "Runde \(round) af peer-vurderingen i \(groupLabel(group)) er allerede frigivet. Intet er sendt igen.",
                        en: "Round \(round) of the peer assessment of \(groupLabel(group)) was already released. Nothing was sent again.")
        return BotMessage(kind: .error, paragraph: text, group: group, error: .conflict)
    }

    /// `!release` of a round still open: the students are still rating.
    public func roundStillOpen(group: String, round: Int) -> BotMessage {
        let text = pick(da: "Runde \(round) af peer-vurderingen i \(groupLabel(group)) er ikke afsluttet endnu; den kan frigives, når resultatet er kommet i vejlederrummet.",
                        en: "Round \(round) of the peer assessment of \(groupLabel(group)) has not closed yet; it can be released once its result is in the supervisor room.")
        return BotMessage(kind: .error, paragraph: text, group: group, error: .conflict)
    }

    /// `!release` for a group without that round (or without any).
    public func noSuchRound(group: String, round: Int?) -> BotMessage {
        let text = round.map { number in
            pick(da: "\(groupLabel(group).capitalizedFirst) har ingen runde \(number) af peer-vurderingen.",
                 en: "\(groupLabel(group).capitalizedFirst) has no round \(number) of peer assessment.")
        } ?? pick(da: "\(groupLabel(group).capitalizedFirst) har endnu ingen afsluttet peer-vurdering.",
                  en: "\(groupLabel(group).capitalizedFirst) has no closed peer assessment yet.")
        return BotMessage(kind: .error, paragraph: text, group: group, error: .notFound)
    }
}
