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
            Texts(language).pick(da: "refleksionen over session #\(session)", en: "the reflection on session #\(session)")
        case .assessment(let group):
            Texts(language).pick(da: "peer-vurderingen i \(Texts(language).groupLabel(group))",
                                 en: "the peer assessment of \(Texts(language).groupLabel(group))")
        }
    }
}

extension ExtensionTexts {
    /// To the student: which deadlines moved, and to when.
    public func deadlineExtended(
        _ moved: [(kind: ExtendedItem, deadline: Date)], timeZone: ZoneRules
    ) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(da: "Du har fået mere tid af din vejleder:", en: "Your supervisor has given you more time:"))
        message.list(pick(da: "Nye frister", en: "New deadlines"), lines(moved, timeZone: timeZone))
        return message.message(.reminder)
    }

    /// To the supervisor: what moved for whom.
    public func extensionGranted(
        name: String, _ moved: [(kind: ExtendedItem, deadline: Date)], timeZone: ZoneRules
    ) -> BotMessage {
        var message = MessageBuilder()
        message.line(pick(da: "\(name) har fået mere tid og har fået besked i sit direkte rum.",
                          en: "\(name) has more time and was told in their direct room."))
        message.list(pick(da: "Nye frister", en: "New deadlines"), lines(moved, timeZone: timeZone))
        return message.message(.reply)
    }

    /// `!extend` for a student with nothing open; nothing was changed.
    public func nothingToExtend(name: String) -> BotMessage {
        let text = pick(da: "\(name) har ingen åben refleksion eller vurdering, så der er ingen frist at flytte. Intet er ændret.",
                        en: "\(name) has no open reflection or assessment, so there is no deadline to move. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: text, error: .conflict)
    }

    /// `!extend` by more than `days` days.
    public func extensionTooLong(days: Int) -> BotMessage {
        let usage = CommandName.extend.usage(prefix: prefix, language: language)
        let text = pick(da: "En forlængelse kan højst være \(days) dage. Intet er ændret. Brug: \(usage)",
                        en: "An extension can be at most \(days) days. Nothing was changed. Usage: \(usage)")
        return BotMessage(kind: .error, paragraph: text, error: .badArguments)
    }

    /// A user named by display name with no mention pill behind it.
    public func unknownUser(_ text: String) -> BotMessage {
        let shown = Texts.shortened(text)
        let body = pick(da: "Jeg ved ikke, hvem \"\(shown)\" er. Skriv det fulde bruger-id (@navn:server) eller vælg personen som omtale (pille).",
                        en: "I do not know who \"\(shown)\" is. Write the full user id (@name:server) or pick the person as a mention (pill).")
        return BotMessage(kind: .error, paragraph: body, error: .notFound)
    }

    /// A user argument written as a name that several people share: the candidates by user id.
    public func ambiguousUser(_ text: String, candidates: [String]) -> BotMessage {
        let shown = Texts.shortened(text)
        let listed = candidates.joined(separator: ", ")
        let body = pick(da: "Flere hedder \"\(shown)\": \(listed). Skriv det fulde bruger-id eller vælg personen som omtale (pille).",
                        en: "Several people are called \"\(shown)\": \(listed). Write the full user id or pick the person as a mention (pill).")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    private func lines(_ moved: [(kind: ExtendedItem, deadline: Date)], timeZone: ZoneRules) -> [String] {
        moved.map { $0.kind.label(language).capitalizedFirst + ": " + SessionTimeFormat.dateTime($0.deadline, timeZone: timeZone, language: language) }
    }
}
