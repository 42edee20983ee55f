extension RosterTexts {
    /// `!students`: the roster sorted by name, each student with their id and attributes.
    public func roster(_ students: [Student]) -> BotMessage {
        guard !students.isEmpty else {
            let add = MessageInline.code(prefix + CommandName.studentAdd.displayWord(in: language))
            let line: [MessageInline] = language == .da
                ? [.text("Holdlisten er tom. Tilføj studerende med "), add, .text(" eller upload en .csv-fil her.")]
                : [.text("The roster is empty. Add students with "), add, .text(" or upload a .csv file here.")]
            return BotMessage(kind: .roster, [.paragraph(line)])
        }
        let sorted = students.sorted(by: Student.rosterOrder)
        let intro = pick(da: "Holdlisten (\(sorted.count) studerende):",
                         en: "The roster (\(sorted.count) \(sorted.count == 1 ? "student" : "students")):")
        let items = sorted.map { student in
            let attributes = Self.attributeSummary(student)
            return MessageList.Item(Self.named(student) + (attributes.isEmpty ? [] : [.text(" — " + attributes)]))
        }
        return BotMessage(kind: .roster, [.group([.paragraph([.text(intro)]), .list(MessageList(items: items))])])
    }

    /// The student's name in bold and their id: "Anna (@anna:hs)" in the plain body, the id in
    /// code style where formatting shows.
    static func named(_ student: Student) -> [MessageInline] {
        [.strong(student.name), .variants(plain: " (\(student.userID))", formatted: [.text(" "), .code(student.userID)])]
    }

    /// `!student add` succeeded: the student as now stored.
    public func studentAdded(_ student: Student, updated: Bool) -> BotMessage {
        let attributes = Self.attributeSummary(student)
        let verb = updated ? pick(da: "er opdateret på holdlisten", en: "is updated on the roster")
            : pick(da: "er tilføjet holdlisten", en: "is added to the roster")
        let none = pick(da: "ingen egenskaber", en: "no attributes")
        let line = Self.named(student) + [.text(" \(verb): " + (attributes.isEmpty ? none : attributes) + ".")]
        return BotMessage(kind: .roster, [.paragraph(line)])
    }

    /// `!student remove` succeeded.
    public func studentRemoved(userID: String) -> BotMessage {
        let rest = pick(da: " er fjernet fra holdlisten, fra gruppens rum og fra kommende sessioner. Det, den studerende har skrevet og givet af vurderinger, gemmes som arkiv, så afsluttede runders resultater står fast.",
                        en: " is removed from the roster, from the group's room and from future sessions. What they wrote and rated is kept as an archived record, so closed rounds' results stay as they were.")
        return BotMessage(kind: .roster, [.paragraph([.code(userID), .text(rest)])])
    }

    /// The reason shown with the kick of a student taken off the roster.
    public func removedStudentKickReason(group: String) -> String {
        pick(da: "Fjernet fra holdlisten; gruppe \(group)s rum er kun for gruppens studerende og vejlederne.",
             en: "Removed from the roster; the room of group \(group) is only for its students and the supervisors.")
    }

    /// The named student is not on the roster; nothing was changed.
    public func studentNotFound(userID: String) -> BotMessage {
        let rest = pick(da: " er ikke på holdlisten. Intet er ændret.", en: " is not on the roster. Nothing was changed.")
        return BotMessage(kind: .error, [.paragraph([.code(userID), .text(rest)])], error: .notFound)
    }

    /// `strengths: wound care, ECG; style: visual`, keys in alphabetical order.
    static func attributeSummary(_ student: Student) -> String {
        student.attributes.keys.sorted()
            .map { "\($0): " + (student.attributes[$0] ?? []).joined(separator: ", ") }
            .joined(separator: "; ")
    }
}
