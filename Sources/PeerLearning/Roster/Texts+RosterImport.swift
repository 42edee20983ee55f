extension RosterTexts {
    /// At most this many bad lines are listed in a rejected import; the rest are counted.
    static let rosterProblemLineLimit = 30

    /// The roster file was imported whole.
    public func rosterImported(added: Int, updated: Int) -> BotMessage {
        let body = pick(da: "Holdlisten er indlæst: \(added) tilføjet, \(updated) opdateret.",
                        en: "The roster is imported: \(added) added, \(updated) updated.")
        return BotMessage(kind: .roster, paragraph: body)
    }

    /// The roster file was refused: the header problem, or each bad line by number (the first
    /// 30 lines, then how many more). Nothing from the file was applied.
    public func rosterRejected(problems: [RosterLineProblem], headerProblem: RosterHeaderProblem?) -> BotMessage {
        let intro = pick(da: "Holdlisten er ikke indlæst, og intet er ændret.",
                         en: "The roster was not imported and nothing was changed.")
        var lines: [String] = []
        if let headerProblem { lines.append(describe(headerProblem)) }
        let byLine = Dictionary(grouping: problems, by: \.line)
        let lineNumbers = byLine.keys.sorted()
        for number in lineNumbers.prefix(Self.rosterProblemLineLimit) {
            let reasons = (byLine[number] ?? []).map { describe($0.reason) }.joined(separator: "; ")
            lines.append(pick(da: "Linje \(number): ", en: "Line \(number): ") + reasons)
        }
        let hidden = lineNumbers.count - Self.rosterProblemLineLimit
        if hidden > 0 {
            lines.append(pick(da: "… og \(hidden) linjer mere.", en: "… and \(hidden) more lines."))
        }
        return BotMessage(kind: .error, [.group([.paragraph([.text(intro)]), .list(MessageList(texts: lines))])], error: .badArguments)
    }

    /// The uploaded file is not text (binary, or not UTF-8).
    public func notACSV() -> BotMessage {
        let body = pick(da: "Filen kan ikke læses som en CSV-fil i UTF-8. Gem holdlisten som \"CSV UTF-8\" med overskriften matrix_id,name,… og upload den igen. Intet er ændret.",
                        en: "The file cannot be read as a UTF-8 CSV file. Save the roster as \"CSV UTF-8\" with the header matrix_id,name,… and upload it again. Nothing was changed.")
        return BotMessage(kind: .error, paragraph: body, error: .badArguments)
    }

    func describe(_ problem: RosterHeaderProblem) -> String {
        switch problem {
        case .emptyFile:
            return pick(da: "Filen er tom.", en: "The file is empty.")
        case let .missingIDAndNameColumns(found):
            let shown = found.joined(separator: ",")
            return pick(da: "Første linje skal begynde med matrix_id,name (den begynder med \(quoted(Texts.shortened(shown)))).",
                        en: "The first line must start with matrix_id,name (it starts with \(quoted(Texts.shortened(shown)))).")
        case let .duplicateColumn(name):
            return pick(da: "Kolonnen \(quoted(Texts.shortened(name))) står to gange i første linje.",
                        en: "The column \(quoted(Texts.shortened(name))) appears twice in the first line.")
        case let .emptyColumnName(column):
            return pick(da: "Kolonne \(column) har intet navn i første linje.",
                        en: "Column \(column) has no name in the first line.")
        }
    }

    func describe(_ reason: RosterProblemReason) -> String {
        switch reason {
        case let .invalidUserID(text) where text.isEmpty:
            return pick(da: "mangler Matrix-id", en: "no Matrix id")
        case let .invalidUserID(text):
            return pick(da: "\(quoted(Texts.shortened(text))) er ikke et Matrix-id (som @anna:eksempel.dk)",
                        en: "\(quoted(Texts.shortened(text))) is not a Matrix id (like @anna:example.org)")
        case .missingName:
            return pick(da: "mangler navn", en: "no name")
        case let .wrongColumnCount(expected, got):
            return pick(da: "har \(got) kolonner, men første linje har \(expected)",
                        en: "has \(got) columns, but the first line has \(expected)")
        case let .duplicateUserID(id, firstLine):
            return pick(da: "\(id) står allerede på linje \(firstLine)",
                        en: "\(id) is already on line \(firstLine)")
        case let .tooLong(column, length):
            return pick(da: "\(quoted(Texts.shortened(column))) har \(length) tegn; højst \(TextKind.name.limit) er tilladt",
                        en: "\(quoted(Texts.shortened(column))) has \(length) characters; at most \(TextKind.name.limit) are allowed")
        }
    }
}
