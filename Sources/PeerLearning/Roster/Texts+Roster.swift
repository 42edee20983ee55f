extension RosterTexts {
    /// `!students`: the roster sorted by name, each student with their id and attributes.
    public func roster(_ students: [Student]) -> BotMessage {
        guard !students.isEmpty else {
            let add = prefix + CommandName.studentAdd.displayWord(in: language)
            let body = pick(da: "Holdlisten er tom. Tilføj studerende med \(add) eller upload en .csv-fil her.",
                            en: "The roster is empty. Add students with \(add) or upload a .csv file here.")
            let html = pick(da: "<p>Holdlisten er tom. Tilføj studerende med \(HTML.code(add)) eller upload en .csv-fil her.</p>",
                            en: "<p>The roster is empty. Add students with \(HTML.code(add)) or upload a .csv file here.</p>")
            return BotMessage(kind: .roster, body: body, html: html)
        }
        let sorted = students.sorted(by: Student.rosterOrder)
        let intro = pick(da: "Holdlisten (\(sorted.count) studerende):",
                         en: "The roster (\(sorted.count) \(sorted.count == 1 ? "student" : "students")):")
        var lines = [intro]
        var html = "<p>\(intro)</p><ul>"
        for student in sorted {
            let attributes = Self.attributeSummary(student)
            lines.append("• \(student.name) (\(student.userID))" + (attributes.isEmpty ? "" : " — \(attributes)"))
            html += "<li><strong>\(HTML.escape(student.name))</strong> \(HTML.code(student.userID))"
                + (attributes.isEmpty ? "" : " — \(HTML.escape(attributes))") + "</li>"
        }
        html += "</ul>"
        return BotMessage(kind: .roster, body: lines.joined(separator: "\n"), html: html)
    }

    /// `!student add` succeeded: the student as now stored.
    public func studentAdded(_ student: Student, updated: Bool) -> BotMessage {
        let attributes = Self.attributeSummary(student)
        let verb = updated ? pick(da: "er opdateret på holdlisten", en: "is updated on the roster")
            : pick(da: "er tilføjet holdlisten", en: "is added to the roster")
        let none = pick(da: "ingen egenskaber", en: "no attributes")
        let body = "\(student.name) (\(student.userID)) \(verb): " + (attributes.isEmpty ? none : attributes) + "."
        let html = "<p><strong>\(HTML.escape(student.name))</strong> \(HTML.code(student.userID)) \(verb): "
            + HTML.escape(attributes.isEmpty ? none : attributes) + ".</p>"
        return BotMessage(kind: .roster, body: body, html: html)
    }

    /// `!student remove` succeeded.
    public func studentRemoved(userID: String) -> BotMessage {
        let body = pick(da: "\(userID) er fjernet fra holdlisten, fra gruppens rum og fra kommende sessioner. Det, den studerende har skrevet og givet af vurderinger, gemmes som arkiv, så afsluttede runders resultater står fast.",
                        en: "\(userID) is removed from the roster, from the group's room and from future sessions. What they wrote and rated is kept as an archived record, so closed rounds' results stay as they were.")
        let html = pick(da: "<p>\(HTML.code(userID)) er fjernet fra holdlisten, fra gruppens rum og fra kommende sessioner. Det, den studerende har skrevet og givet af vurderinger, gemmes som arkiv, så afsluttede runders resultater står fast.</p>",
                        en: "<p>\(HTML.code(userID)) is removed from the roster, from the group's room and from future sessions. What they wrote and rated is kept as an archived record, so closed rounds' results stay as they were.</p>")
        return BotMessage(kind: .roster, body: body, html: html)
    }

    /// The reason shown with the kick of a student taken off the roster.
    public func removedStudentKickReason(group: String) -> String {
        pick(da: "Fjernet fra holdlisten; gruppe \(group)s rum er kun for gruppens studerende og vejlederne.",
             en: "Removed from the roster; the room of group \(group) is only for its students and the supervisors.")
    }

    /// The named student is not on the roster; nothing was changed.
    public func studentNotFound(userID: String) -> BotMessage {
        let body = pick(da: "\(userID) er ikke på holdlisten. Intet er ændret.",
                        en: "\(userID) is not on the roster. Nothing was changed.")
        let html = pick(da: "<p>\(HTML.code(userID)) er ikke på holdlisten. Intet er ændret.</p>",
                        en: "<p>\(HTML.code(userID)) is not on the roster. Nothing was changed.</p>")
        return BotMessage(kind: .error, body: body, html: html, error: .notFound)
    }

    /// `strengths: wound care, ECG; style: visual`, keys in alphabetical order.
    static func attributeSummary(_ student: Student) -> String {
        student.attributes.keys.sorted()
            .map { "\($0): " + (student.attributes[$0] ?? []).joined(separator: ", ") }
            .joined(separator: "; ")
    }
}
