import Foundation

extension AssessmentTexts {
    /// To each student's direct room when a round starts: what the round is, the five criteria,
    /// the 1–5 scale, the reply format, who sees what, and the deadline. `peers` is how many
    /// others they will rate; `includesSelf` when they rate themselves too.
    public func assessmentIntro(
        group: String, peers: Int, includesSelf: Bool = false, criteria: String?, deadline: Date,
        timeZone: ZoneRules
    ) -> BotMessage {
        let da = language == .da
        var message = MessageBuilder()
        message.heading(pick(da: "Peer-vurdering – ", en: "Peer assessment — ") + groupLabel(group))
        // With self-assessment the student rates themselves first, then the peers.
        let whom = da
            ? (includesSelf ? "dig selv og derefter " : "") + (peers == 1 ? "den anden i gruppen" : "de \(peers) andre i gruppen")
            : (includesSelf ? "yourself first, then " : "") + (peers == 1 ? "your one peer" : "your \(peers) peers")
        message.line(pick(da: "Nu skal I vurdere, hvordan I arbejder sammen. I de næste beskeder beder jeg dig vurdere \(whom), én ad gangen.",
                          en: "It is time to look at how your group works together. In the next messages I will ask you to rate \(whom), one at a time."))
        message.list(pick(da: "De fem kriterier", en: "The five criteria"), criterionNames(), numbered: true)
        message.line(ratingScale())
        message.line(ratingFormatPieces())
        if let criteria, !criteria.trimmingWhitespace().isEmpty {
            message.labelled(pick(da: "Vejledernes vurderingskriterier", en: "Your supervisors' assessment criteria"),
                             criteria)
        }
        message.line(pick(da: "Kun vejlederne ser dine karakterer, og hvem der skrev hvad. Vejlederne kan senere give dine kommentarer videre til den, de handler om – uden dit navn, og kun når flere har skrevet om samme person.",
                          en: "Only the supervisors see your marks and who wrote what. They may later pass your comments on to the person they are about — without your name, and only when several peers wrote about that person."))
        message.labelled(pick(da: "Frist", en: "Deadline"),
                         SessionTimeFormat.dateTime(deadline, timeZone: timeZone, language: language))
        return message.message(.assessmentRequest, group: group)
    }

    /// One request: rate this one member (or yourself). The criteria were listed once in the
    /// introduction; each request names only their order, so a phone shows a short message.
    public func assessmentRequest(
        subjectName: String, subjectUserID: String, index: Int, of count: Int, isSelf: Bool,
        group: String? = nil
    ) -> BotMessage {
        var message = MessageBuilder()
        let whom = isSelf ? pick(da: "dig selv", en: "yourself") : subjectName
        message.heading("(\(index)/\(count)) " + pick(da: "Vurdér ", en: "Rate ") + whom)
        message.line(ratingFormatPieces(order: true))
        var built = message.message(.assessmentRequest, group: group)
        built.subject = subjectUserID
        return built
    }

    /// The reply could not be read as five marks; nothing was recorded.
    public func ratingMalformed(subjectName: String) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(da: "Jeg kunne ikke læse det som en vurdering af \(subjectName). Intet er gemt.",
                          en: "I could not read that as a rating of \(subjectName). Nothing was recorded."))
        message.line(ratingFormatPieces())
        return message.message(.error, error: .badArguments)
    }

    /// A rating was stored; `replaced` when it took the place of an earlier one.
    public func ratingRecorded(subjectName: String, replaced: Bool) -> BotMessage {
        let text = replaced
            ? pick(da: "Din vurdering af \(subjectName) er opdateret; den tidligere er erstattet.",
                   en: "Your rating of \(subjectName) is updated; the earlier one is replaced.")
            : pick(da: "Din vurdering af \(subjectName) er gemt.", en: "Your rating of \(subjectName) is recorded.")
        return BotMessage(kind: .reply, paragraph: text)
    }

    /// The student has rated everyone they were asked to.
    public func assessmentDone() -> BotMessage {
        let text = pick(da: "Tak – du har vurderet alle i gruppen. Vejlederne ser resultatet, når runden er slut.",
                        en: "Thank you — you have rated everyone in your group. The supervisors will see the results when the round ends.")
        return BotMessage(kind: .reply, paragraph: text)
    }

    /// To a student who still has `remaining` ratings to give before the deadline.
    public func assessmentReminder(
        group: String, remaining: Int, deadline: Date, timeZone: ZoneRules
    ) -> BotMessage {
        let when = SessionTimeFormat.dateTime(deadline, timeZone: timeZone, language: language)
        let count = remaining == 1 ? pick(da: "1 vurdering", en: "1 rating")
            : pick(da: "\(remaining) vurderinger", en: "\(remaining) ratings")
        let text = pick(da: "Påmindelse: du mangler \(count) i peer-vurderingen af \(groupLabel(group)). Fristen er \(when). Svar på vurderingsbeskederne her i rummet.",
                        en: "Reminder: you have \(count) left to give in the peer assessment of \(groupLabel(group)). The deadline is \(when). Answer the assessment messages here in this room.")
        return BotMessage(kind: .reminder, paragraph: text, group: group)
    }

    /// The criteria's full names in order.
    func criterionNames() -> [String] {
        AssessmentCriterion.allCases.map { $0.name(in: language) }
    }

    private func ratingScale() -> String {
        pick(da: "Giv hvert kriterium en karakter fra 1 til 5: 1 = langt under det, gruppen har brug for, 3 = som forventet, 5 = langt over.",
             en: "Give each criterion a mark from 1 to 5: 1 = far below what the group needs, 3 = as expected, 5 = far above.")
    }

    /// The reply format with an example in code style.
    /// With `order`, the criteria's short names follow ("bidrag / samspil / …") in place of the list.
    private func ratingFormatPieces(order: Bool = false) -> [MessageInline] {
        let da = language == .da
        let named = AssessmentCriterion.allCases.map { $0.shortName(in: language).lowercased() }.joined(separator: " / ")
        let which = order ? (da ? " (\(named))" : " (\(named))") : ""
        return [
            .text(da ? "Svar med fem tal fra 1 til 5 i kriteriernes rækkefølge\(which), adskilt af mellemrum eller komma, eventuelt efterfulgt af en kommentar: "
                     : "Reply with five numbers from 1 to 5 in the order of the criteria\(which), separated by spaces or commas, optionally followed by a comment: "),
            .code(da ? "4 5 3 4 5 god styring af casen" : "4 5 3 4 5 good lead on the case"),
        ]
    }
}
