extension PrivacyTexts {
    /// The note sent with the `!mydata` file in the student's direct room.
    public func myDataReady() -> BotMessage {
        let text = pick(da: "Her er alt, hvad jeg har gemt om dig, som en JSON-fil: din profil, grupper, sessioner, refleksioner, opgaver, de vurderinger du har givet, dine egne resultater og den feedback, du har fået. Andres vurderinger af dig står der kun som dit samlede resultat.",
                        en: "Here is everything I have stored about you, as a JSON file: your profile, groups, sessions, reflections, tasks, the ratings you gave, your own results and the feedback you received. Others' ratings of you appear only as your overall result.")
        return BotMessage(kind: .mydata, paragraph: text)
    }

    /// `!mydata` outside the direct room: the file went to the direct room instead.
    public func myDataSentToDirectRoom() -> BotMessage {
        let text = pick(da: "Dine data er sendt til vores direkte samtale.",
                        en: "Your data has been sent to our direct chat.")
        return BotMessage(kind: .reply, paragraph: text)
    }

    /// `peerbot forget`: what was erased, per kind of record, for the terminal (English, plain).
    public static func forgetDone(userID: String, counts: [String: Int]) -> String {
        let erased = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        guard !erased.isEmpty else {
            return "Nothing personal was stored about \(userID); nothing was erased."
        }
        let lines = erased.map { "  \($0.key): \($0.value)" }
        return (["Erased the personal data of \(userID):"] + lines
            + ["Anonymous counts are kept."]).joined(separator: "\n")
    }
}
