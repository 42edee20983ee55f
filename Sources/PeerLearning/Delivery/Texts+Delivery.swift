/// Why the outbox gave something up, as the supervisors are told.
public enum DeliveryFailure: Sendable, Equatable {
    /// The homeserver's 413: larger than it accepts.
    case tooLarge
    /// The homeserver refused (403 and the like); the detail is its error code and text.
    case refused(String)
    /// The stored row cannot be read.
    case unreadable
    /// Retried until the bound (24 hours, or 8 attempts) ran out.
    case gaveUp(String)
}

/// What was given up, as far as the alert can name it.
public struct LostDelivery: Sendable, Equatable {
    /// The room it was for, when it was for one.
    public var room: String?
    /// The message's `peerbot.kind`, when it was a message.
    public var kind: String?
    /// For a summary: its group and session, so the supervisor can ask for it again.
    public var summaryGroup: String?
    public var summarySession: Int?

    public init(room: String? = nil, kind: String? = nil, summaryGroup: String? = nil, summarySession: Int? = nil) {
        self.room = room
        self.kind = kind
        self.summaryGroup = summaryGroup
        self.summarySession = summarySession
    }
}

extension DeliveryTexts {
    /// To the supervisor room when a message or action could not be delivered and was set aside;
    /// a lost summary is named, with the command that posts it again (it is rebuilt from what is kept).
    public func deliveryFailed(_ failure: DeliveryFailure, _ lost: LostDelivery) -> BotMessage {
        var what = lost.kind.map { pick(da: "En besked (\($0))", en: "A message (\($0))") }
            ?? pick(da: "En handling", en: "An action")
        if let group = lost.summaryGroup, let session = lost.summarySession {
            what = pick(da: "Opsummeringen af session #\(session) (\(groupLabel(group)))",
                        en: "The summary of session #\(session) (\(groupLabel(group)))")
        }
        let place = lost.room.map { pick(da: " til rummet \($0)", en: " for room \($0)") } ?? ""
        var text = pick(da: "\(what)\(place) kunne ikke leveres: \(reason(failure)). Den er lagt til side; alt andet sendes videre. Administratoren kan se den i loggen.",
                        en: "\(what)\(place) could not be delivered: \(reason(failure)). It is set aside; everything else goes on. The administrator can find it in the log.")
        if let group = lost.summaryGroup, let session = lost.summarySession {
            let again = prefix + CommandName.summary.displayWord(in: language) + " " + Texts.quote(group) + " \(session)"
            text += " " + pick(da: "Intet af indholdet er tabt: skriv \(again) for at få opsummeringen igen.",
                               en: "Nothing of its content is lost: write \(again) to get the summary again.")
        }
        return BotMessage(kind: .alert, paragraph: text)
    }

    /// Kept for callers that know only the room and the kind.
    public func deliveryFailed(_ failure: DeliveryFailure, room: String?, kind: String?) -> BotMessage {
        Texts(language).delivery.deliveryFailed(failure, LostDelivery(room: room, kind: kind))
    }

    private func reason(_ failure: DeliveryFailure) -> String {
        switch failure {
        case .tooLarge:
            pick(da: "den er større end serveren tager imod", en: "it is larger than the homeserver accepts")
        case .refused(let detail):
            pick(da: "serveren afviste den (\(Texts.shortened(detail, limit: 120)))", en: "the homeserver refused it (\(Texts.shortened(detail, limit: 120)))")
        case .unreadable:
            pick(da: "den gemte række kan ikke læses", en: "its stored row cannot be read")
        case .gaveUp(let detail):
            pick(da: "den fejlede igen og igen (\(Texts.shortened(detail, limit: 120)))", en: "it failed again and again (\(Texts.shortened(detail, limit: 120)))")
        }
    }

    /// The one message that shows the progress of creating the group rooms, edited as it goes.
    public func bulkProgress(_ progress: BulkProgress) -> BotMessage {
        let total = progress.done + progress.failed + progress.left
        var text: String
        if progress.finished {
            text = pick(da: "Grupperummene er klar: \(progress.done) af \(total) trin gennemført.",
                        en: "The group rooms are ready: \(progress.done) of \(total) steps done.")
            if progress.failed > 0 {
                text += " " + pick(da: "\(progress.failed) mislykkedes (se advarslerne ovenfor).",
                                   en: "\(progress.failed) failed (see the alerts above).")
            }
        } else {
            text = pick(da: "Opretter grupperum, invitationer og velkomster: \(progress.done) af \(total) trin gennemført, \(progress.left) tilbage.",
                        en: "Creating group rooms, invites and welcomes: \(progress.done) of \(total) steps done, \(progress.left) left.")
            if let seconds = progress.secondsLeft {
                text += " " + pick(da: "Ved serverens nuværende tempo tager resten omkring \(duration(seconds)).",
                                   en: "At the homeserver's current pace the rest takes about \(duration(seconds)).")
            }
            if progress.isSlow {
                text += " " + pick(da: "Det går langsomt, fordi serveren begrænser hvor hurtigt botten må oprette rum og sende beskeder. Svar på kommandoer sendes stadig først. Administratoren kan ophæve bottens begrænsninger (se administratorvejledningen, »Rate limits«).",
                                   en: "It is slow because the homeserver limits how fast the bot may create rooms and send messages. Answers to commands still go first. The administrator can lift the bot's limits (see the admin guide, “Rate limits”).")
            }
        }
        return BotMessage(kind: .progress, paragraph: text)
    }

    /// "about 3 minutes", "1 hour 20 minutes".
    func duration(_ seconds: Double) -> String {
        let minutes = max(1, Int((seconds / 60).rounded(.up)))
        guard minutes >= 60 else { return pick(da: minutes == 1 ? "1 minut" : "\(minutes) minutter", en: minutes == 1 ? "1 minute" : "\(minutes) minutes") }
        let hours = minutes / 60
        let rest = minutes % 60
        let hourText = pick(da: hours == 1 ? "1 time" : "\(hours) timer", en: hours == 1 ? "1 hour" : "\(hours) hours")
        guard rest > 0 else { return hourText }
        return hourText + " " + pick(da: "\(rest) min.", en: "\(rest) min")
    }
}
