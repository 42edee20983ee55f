extension GuardTexts {
    /// To the student's direct room: their text held a patient identifier; what the bot kept,
    /// whether the message was removed, and (for a group text) to post it again without it.
    public func guardNotice(kinds: [IdentifierKind], kept: String, mode: PatientGuardMode, groupText: Bool) -> BotMessage {
        let found = spokenList(kinds.map { identifierPhrase($0) })
        let first = pick(da: "Din besked indeholdt \(found). Af hensyn til tavshedspligten gemmer jeg kun denne udgave:",
                         en: "Your message contained \(found). Because of patient confidentiality I keep only this version:")
        var after: [String] = []
        if mode == .redact {
            after.append(pick(da: "Den oprindelige besked har jeg fjernet fra rummet.",
                              en: "I have removed the original message from the room."))
            if groupText {
                after.append(pick(da: "Skal gruppen læse den, så skriv den igen uden oplysninger, der kan identificere patienten.",
                                  en: "If the group should read it, please post it again without anything that identifies the patient."))
            }
        } else {
            after.append(pick(da: "Beskeden står stadig i rummet; ret den eller slet den selv.",
                              en: "The message is still in the room; please edit or delete it yourself."))
        }
        if kept.count > TextLimits.quoteCharacters {
            after.append(pick(da: "(Her vises begyndelsen; hele teksten har \(kept.count) tegn.)",
                              en: "(The beginning is shown; the whole text has \(kept.count) characters.)"))
        }
        let rest = after.joined(separator: " ")
        let shown = Texts.quote(kept)
        return BotMessage(kind: .guard, [.paragraph([.text(first)]), .variants(plain: quoted(shown), formatted: [.quote(shown)]),
                                         .paragraph([.text(rest)])])
    }

    func identifierPhrase(_ kind: IdentifierKind) -> String {
        switch kind {
        case .cpr: pick(da: "et CPR-nummer", en: "a CPR number")
        case .name: pick(da: "et navn efter en titel (hr., fru …)", en: "a name after a title (Mr, Mrs …)")
        case .bed: pick(da: "et stue- eller sengenummer", en: "a room or bed number")
        case .custom: pick(da: "oplysninger, som din uddannelse har bedt om at holde ude",
                           en: "details your placement has asked to keep out")
        }
    }

    /// "a, b og c" / "a, b and c".
    func spokenList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(da: " og ", en: " and ") + items[items.count - 1]
    }
}
