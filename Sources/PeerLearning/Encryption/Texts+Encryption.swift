extension Texts {
    /// To the supervisor room when a device of someone in an encrypted room presented new keys
    /// under a device id it had used before: it gets no room keys from then on.
    public func deviceKeysChanged(userID: String, deviceID: String) -> BotMessage {
        let text = pick(da: "Enheden \(deviceID) hos \(userID) viser nu andre krypteringsnøgler end før under samme enheds-id. "
                            + "Det kan være et forsøg på at læse med. Botten sender ikke længere rumnøgler til den enhed. "
                            + "Bed \(userID) om at logge enheden ud og logge ind igen (så får den et nyt id), hvis det var dem selv.",
                        en: "The device \(deviceID) of \(userID) now shows other encryption keys than before under the same device id. "
                            + "That may be an attempt to read along. The bot no longer sends room keys to that device. "
                            + "Ask \(userID) to log that device out and in again (it then gets a new id) if it was them.")
        return BotMessage(kind: .alert, paragraph: text)
    }
}
