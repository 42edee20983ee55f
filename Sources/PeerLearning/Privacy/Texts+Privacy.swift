extension PrivacyTexts {
    /// Where a private reply was asked for: it went to the supervisor room instead.
    public func sentToSupervisorRoom(roomID: String) -> BotMessage {
        let link = MessageInline.link(url: "https://matrix.to/#/" + roomID,
                                      text: pick(da: "vejlederrummet", en: "the supervisor room"))
        let lead = pick(da: "Svaret indeholder fortrolige oplysninger, så det er sendt til ",
                        en: "The answer holds private information, so it was sent to ")
        return BotMessage(kind: .reply, [.paragraph([.text(lead), link, .text(".")])])
    }

    /// A private reply asked for while no supervisor room is known: nothing is shown.
    public func noSupervisorRoomForPrivate() -> BotMessage {
        let body = pick(da: "Svaret indeholder fortrolige oplysninger og vises kun i vejlederrummet, som ikke findes endnu.",
                        en: "The answer holds private information and is shown only in the supervisor room, which does not exist yet.")
        return BotMessage(kind: .error, paragraph: body, error: .conflict)
    }

    /// `!reflect` in a room that is neither the student's group room nor their direct room.
    public func reflectNotHere() -> BotMessage {
        let body = pick(da: "Her læser hele rummet med, så refleksionen er ikke gemt. Skriv den i dit direkte rum med mig (privat: du og dine vejledere) eller i dit grupperum (delt med gruppen).",
                        en: "Everyone in this room would read it, so the reflection was not saved. Write it in your direct room with me (private: you and your supervisors) or in your group room (shared with the group).")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }
}

extension PrivacyTexts {
    /// The reason shown with the kick of someone who does not belong in a group room.
    public func outsiderKickReason(group: String) -> String {
        pick(da: "Kun gruppe \(group)s studerende og vejlederne har adgang til rummet.",
             en: "Only the students of group \(group) and the supervisors may be in this room.")
    }

    /// To the supervisor room: someone outside the group was removed from its room.
    public func outsiderRemoved(userID: String, group: String) -> BotMessage {
        let body = pick(da: "\(userID) er hverken på holdlisten for gruppe \(group) eller vejleder og er fjernet fra gruppens rum. Tilføj personen til gruppen, hvis de skal være der.",
                        en: "\(userID) is neither on the roster of group \(group) nor a supervisor and was removed from the group's room. Add them to the group if they should be there.")
        return BotMessage(kind: .alert, paragraph: body, group: group)
    }
}

/// A room the bot was removed from, as the supervisors are told about it.
public struct LostRoom: Sendable, Equatable {
    public var roomID: String
    /// `group`, `direct`, `invited`.
    public var kind: String
    public var group: String?
    public var student: String?
    /// Who removed the bot; nil when it is not known.
    public var by: String?
    public var banned: Bool
    /// True when a new direct room was made in its place.
    public var replaced: Bool

    public init(roomID: String, kind: String, group: String?, student: String?, by: String?, banned: Bool, replaced: Bool) {
        self.roomID = roomID
        self.kind = kind
        self.group = group
        self.student = student
        self.by = by
        self.banned = banned
        self.replaced = replaced
    }
}

extension PrivacyTexts {
    /// To the supervisor room: the bot lost a room, and what happens next.
    public func roomLost(_ lost: LostRoom) -> BotMessage {
        let da = language == .da
        let what: String = switch lost.kind {
        case "group": da ? "rummet for gruppe \(lost.group ?? "?")" : "the room of group \(lost.group ?? "?")"
        case "direct": da ? "det direkte rum med \(lost.student ?? "?")" : "the direct room with \(lost.student ?? "?")"
        default: da ? "rummet \(lost.roomID)" : "the room \(lost.roomID)"
        }
        let how = lost.banned ? (da ? "udelukket fra" : "banned from") : (da ? "fjernet fra" : "removed from")
        var body = da ? "Jeg er blevet \(how) \(what)" : "I was \(how) \(what)"
        if let by = lost.by { body += da ? " af \(by)." : " by \(by)." } else { body += "." }
        if lost.replaced {
            body += da ? " Jeg har oprettet et nyt direkte rum og inviteret den studerende." : " I made a new direct room and invited the student."
        } else if lost.kind != "direct" {
            body += da ? " Invitér mig igen, så kommer jeg tilbage." : " Invite me again and I will rejoin."
        }
        return BotMessage(kind: .alert, paragraph: body, group: lost.group)
    }

    /// In a student's new direct room, after the old one was lost.
    public func directRoomReplaced() -> BotMessage {
        let body = pick(da: "Vores tidligere direkte rum er lukket, så det er her, jeg skriver til dig fremover.",
                        en: "Our earlier direct room was closed, so this is where I will write to you from now on.")
        return BotMessage(kind: .welcome, paragraph: body)
    }
}

extension PrivacyTexts {
    /// The reason shown with the kick of someone no longer configured as a supervisor.
    public func supervisorRemovedReason() -> String {
        pick(da: "Ikke længere vejleder i peerbots konfiguration.", en: "No longer a supervisor in peerbot's configuration.")
    }
}
