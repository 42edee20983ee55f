extension Texts {
    /// `!students`: the roster sorted by name, each student with their id and attributes.
    public static func roster(_ students: [Student], prefix: String = "!", language: Language) -> BotMessage {
        guard !students.isEmpty else {
            let add = prefix + CommandName.studentAdd.displayWord(in: language)
            let body = pick(language,
                            da: "Holdlisten er tom. Tilføj studerende med \(add) eller upload en .csv-fil her.",
                            en: "The roster is empty. Add students with \(add) or upload a .csv file here.")
            let html = pick(language,
                            da: "<p>Holdlisten er tom. Tilføj studerende med \(code(add)) eller upload en .csv-fil her.</p>",
                            en: "<p>The roster is empty. Add students with \(code(add)) or upload a .csv file here.</p>")
            return BotMessage(kind: .roster, body: body, html: html)
        }
        let sorted = students.sorted(by: Student.rosterOrder)
        let intro = pick(language, da: "Holdlisten (\(sorted.count) studerende):",
                         en: "The roster (\(sorted.count) \(sorted.count == 1 ? "student" : "students")):")
        var lines = [intro]
        var html = "<p>\(intro)</p><ul>"
        for student in sorted {
            let attributes = attributeSummary(student)
            lines.append("• \(student.name) (\(student.userID))" + (attributes.isEmpty ? "" : " — \(attributes)"))
            html += "<li><strong>\(HTML.escape(student.name))</strong> \(code(student.userID))"
                + (attributes.isEmpty ? "" : " — \(HTML.escape(attributes))") + "</li>"
        }
        html += "</ul>"
        return BotMessage(kind: .roster, body: lines.joined(separator: "\n"), html: html)
    }

    /// `!student add` succeeded: the student as now stored.
    public static func studentAdded(_ student: Student, updated: Bool, language: Language) -> BotMessage {
        let attributes = attributeSummary(student)
        let verb = updated ? pick(language, da: "er opdateret på holdlisten", en: "is updated on the roster")
            : pick(language, da: "er tilføjet holdlisten", en: "is added to the roster")
        let none = pick(language, da: "ingen egenskaber", en: "no attributes")
        let body = "\(student.name) (\(student.userID)) \(verb): " + (attributes.isEmpty ? none : attributes) + "."
        let html = "<p><strong>\(HTML.escape(student.name))</strong> \(code(student.userID)) \(verb): "
            + HTML.escape(attributes.isEmpty ? none : attributes) + ".</p>"
        return BotMessage(kind: .roster, body: body, html: html)
    }

    /// `!student remove` succeeded.
    public static func studentRemoved(userID: String, language: Language) -> BotMessage {
        let body = pick(language,
                        da: "\(userID) er fjernet fra holdlisten, fra gruppens rum og fra kommende sessioner. Det, den studerende har skrevet og givet af vurderinger, gemmes som arkiv, så afsluttede runders resultater står fast.",
                        en: "\(userID) is removed from the roster, from the group's room and from future sessions. What they wrote and rated is kept as an archived record, so closed rounds' results stay as they were.")
        let html = pick(language,
                        da: "<p>\(code(userID)) er fjernet fra holdlisten, fra gruppens rum og fra kommende sessioner. Det, den studerende har skrevet og givet af vurderinger, gemmes som arkiv, så afsluttede runders resultater står fast.</p>",
                        en: "<p>\(code(userID)) is removed from the roster, from the group's room and from future sessions. What they wrote and rated is kept as an archived record, so closed rounds' results stay as they were.</p>")
        return BotMessage(kind: .roster, body: body, html: html)
    }

    /// The reason shown with the kick of a student taken off the roster.
    public static func removedStudentKickReason(group: String, language: Language) -> String {
        pick(language, da: "Fjernet fra holdlisten; gruppe \(group)s rum er kun for gruppens studerende og vejlederne.",
             en: "Removed from the roster; the room of group \(group) is only for its students and the supervisors.")
    }

    /// The named student is not on the roster; nothing was changed.
    public static func studentNotFound(userID: String, language: Language) -> BotMessage {
        let body = pick(language,
                        da: "\(userID) er ikke på holdlisten. Intet er ændret.",
                        en: "\(userID) is not on the roster. Nothing was changed.")
        let html = pick(language,
                        da: "<p>\(code(userID)) er ikke på holdlisten. Intet er ændret.</p>",
                        en: "<p>\(code(userID)) is not on the roster. Nothing was changed.</p>")
        return BotMessage(kind: .error, body: body, html: html, error: .notFound)
    }

    /// `strengths: wound care, ECG; style: visual`, keys in alphabetical order.
    static func attributeSummary(_ student: Student) -> String {
        student.attributes.keys.sorted()
            .map { "\($0): " + (student.attributes[$0] ?? []).joined(separator: ", ") }
            .joined(separator: "; ")
    }
}
