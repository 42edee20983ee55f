import Foundation

/// A deadline `!extend` moved for one student.
public enum ExtendedItem: Sendable, Equatable {
    /// The reflection on session `#n`.
    case reflection(session: Int)
    /// The ratings in the group's open peer-assessment round.
    case assessment(group: String)

    func label(_ language: Language) -> String {
        switch self {
        case .reflection(let session):
            Texts.pick(language, da: "refleksionen over session #\(session)", en: "the reflection on session #\(session)")
        case .assessment(let group):
            Texts.pick(language, da: "peer-vurderingen i \(Texts.groupLabel(group, language))",
                       en: "the peer assessment of \(Texts.groupLabel(group, language))")
        }
    }
}

extension Texts {
    /// To the student: which deadlines moved, and to when.
    public static func deadlineExtended(
        _ moved: [(kind: ExtendedItem, deadline: Date)], timeZone: ZoneRules, language: Language
    ) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(language, da: "Du har fået mere tid af din vejleder:", en: "Your supervisor has given you more time:"))
        message.list(pick(language, da: "Nye frister", en: "New deadlines"), lines(moved, timeZone: timeZone, language: language))
        return message.message(.reminder)
    }

    /// To the supervisor: what moved for whom.
    public static func extensionGranted(
        name: String, _ moved: [(kind: ExtendedItem, deadline: Date)], timeZone: ZoneRules, language: Language
    ) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(language, da: "\(name) har fået mere tid og har fået besked i sit direkte rum.",
                          en: "\(name) has more time and was told in their direct room."))
        message.list(pick(language, da: "Nye frister", en: "New deadlines"), lines(moved, timeZone: timeZone, language: language))
        return message.message(.reply)
    }

    /// `!extend` for a student with nothing open; nothing was changed.
    public static func nothingToExtend(name: String, language: Language) -> BotMessage {
        let text = pick(language,
                        da: "\(name) har ingen åben refleksion eller vurdering, så der er ingen frist at flytte. Intet er ændret.",
                        en: "\(name) has no open reflection or assessment, so there is no deadline to move. Nothing was changed.")
        return BotMessage(kind: .error, body: text, html: paragraph(text), error: .conflict)
    }

    /// `!extend` by more than `days` days.
    public static func extensionTooLong(days: Int, prefix: String, language: Language) -> BotMessage {
        let usage = CommandName.extend.usage(prefix: prefix, language: language)
        let text = pick(language, da: "En forlængelse kan højst være \(days) dage. Intet er ændret. Brug: \(usage)",
                        en: "An extension can be at most \(days) days. Nothing was changed. Usage: \(usage)")
        return BotMessage(kind: .error, body: text, html: paragraph(text), error: .badArguments)
    }

    /// A user named by display name with no mention pill behind it.
    public static func unknownUser(_ text: String, language: Language) -> BotMessage {
        let shown = shortened(text)
        let body = pick(language,
                        da: "Jeg ved ikke, hvem \"\(shown)\" er. Skriv det fulde bruger-id (@navn:server) eller vælg personen som omtale (pille).",
                        en: "I do not know who \"\(shown)\" is. Write the full user id (@name:server) or pick the person as a mention (pill).")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .notFound)
    }

    /// A user argument written as a name that several people share: the candidates by user id.
    public static func ambiguousUser(_ text: String, candidates: [String], language: Language) -> BotMessage {
        let shown = shortened(text)
        let listed = candidates.joined(separator: ", ")
        let body = pick(language,
                        da: "Flere hedder \"\(shown)\": \(listed). Skriv det fulde bruger-id eller vælg personen som omtale (pille).",
                        en: "Several people are called \"\(shown)\": \(listed). Write the full user id or pick the person as a mention (pill).")
        return BotMessage(kind: .error, body: body, html: paragraph(body), error: .badArguments)
    }

    private static func lines(_ moved: [(kind: ExtendedItem, deadline: Date)], timeZone: ZoneRules, language: Language) -> [String] {
        moved.map { $0.kind.label(language).capitalizedFirst + ": " + SessionTimeFormat.dateTime($0.deadline, timeZone: timeZone, language: language) }
    }
}
