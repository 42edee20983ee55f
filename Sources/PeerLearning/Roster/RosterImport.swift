import Foundation

/// Checks a roster file already split into cells: header `matrix_id,name,…`, one student a line.
public enum RosterImport {
    /// The header cells every roster starts with.
    public static let requiredColumns = ["matrix_id", "name"]

    /// Validates the whole file. `rows[i]` is line `i + 2` of the file (the header is line 1),
    /// so the caller passes blank lines through as empty rows. Cells are trimmed (a stray `\r`
    /// from CRLF files included); attribute cells hold several values separated by `;`.
    /// Surplus cells that are empty (a trailing comma) are ignored; missing cells are a problem.
    public static func validate(header: [String], rows: [[String]]) -> RosterImportResult {
        let columns = header.enumerated().map { index, cell in
            normalizedColumn(index == 0 ? strippingBOM(cell) : cell)
        }
        if let problem = headerProblem(columns) {
            return RosterImportResult(headerProblem: problem)
        }
        var result = RosterImportResult(attributeKeys: Array(columns.dropFirst(requiredColumns.count)))
        var firstLineOfID: [String: Int] = [:]
        for (index, row) in rows.enumerated() {
            let line = index + 2
            let cells = row.map { $0.trimmingWhitespace() }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            switch student(from: cells, columns: columns) {
            case let .failure(lineProblems):
                result.problems += lineProblems.reasons.map { RosterLineProblem(line: line, reason: $0) }
            case let .success(student):
                if let first = firstLineOfID[student.userID] {
                    let reason = RosterProblemReason.duplicateUserID(student.userID, firstLine: first)
                    result.problems.append(RosterLineProblem(line: line, reason: reason))
                } else {
                    firstLineOfID[student.userID] = line
                    result.students.append(student)
                }
            }
        }
        return result
    }

    /// Reads an uploaded file as text: nil when it is not UTF-8 or holds control bytes a text
    /// file never has (NUL and friends), so a spreadsheet or image gets a clear answer.
    /// A leading byte-order mark is dropped.
    public static func text(fromFile data: Data) -> String? {
        let allowedControls: Set<UInt8> = [0x09, 0x0A, 0x0D]
        guard !data.contains(where: { $0 < 0x20 && !allowedControls.contains($0) }),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return strippingBOM(text)
    }

    static func normalizedColumn(_ cell: String) -> String {
        cell.trimmingWhitespace().lowercased()
    }

    static func strippingBOM(_ cell: String) -> String {
        var cell = cell
        while cell.unicodeScalars.first == "\u{FEFF}" { cell.unicodeScalars.removeFirst() }
        return cell
    }

    private static func headerProblem(_ columns: [String]) -> RosterHeaderProblem? {
        if columns.allSatisfy(\.isEmpty) { return .emptyFile }
        guard Array(columns.prefix(requiredColumns.count)) == requiredColumns else {
            return .missingIDAndNameColumns(found: Array(columns.prefix(requiredColumns.count)))
        }
        var seen: Set<String> = []
        for (index, column) in columns.enumerated() {
            if column.isEmpty { return .emptyColumnName(column: index + 1) }
            if !seen.insert(column).inserted { return .duplicateColumn(column) }
        }
        return nil
    }

    private static func student(from cells: [String], columns: [String]) -> Result<Student, LineProblems> {
        let surplus = cells.dropFirst(columns.count)
        guard cells.count >= columns.count, surplus.allSatisfy(\.isEmpty) else {
            // Trailing empty cells say nothing about the line, so they are not counted.
            let got = cells.count > columns.count ? (cells.lastIndex(where: { !$0.isEmpty }) ?? 0) + 1 : cells.count
            return .failure(LineProblems([.wrongColumnCount(expected: columns.count, got: got)]))
        }
        var problems: [RosterProblemReason] = []
        if !MatrixUserID.isValid(cells[0]) { problems.append(.invalidUserID(cells[0])) }
        if cells[1].isEmpty { problems.append(.missingName) }
        // The same cap as `!student add`: a name is quoted in many messages, so it stays short.
        let limit = TextKind.name.limit
        let long = zip(columns, cells).dropFirst().lazy.compactMap { column, cell -> (String, Int)? in
            let values = column == "name" ? [Substring(cell)] : cell.split(separator: ";")
            return values.first { $0.count > limit }.map { (column, $0.count) }
        }.first
        if let long { problems.append(.tooLong(column: long.0, length: long.1)) }
        guard problems.isEmpty else { return .failure(LineProblems(problems)) }
        var attributes: [String: [String]] = [:]
        for (column, cell) in zip(columns, cells).dropFirst(requiredColumns.count) {
            attributes[column] = cell.split(separator: ";").map(String.init)
        }
        return .success(Student(userID: cells[0], name: cells[1], attributes: attributes))
    }
}

/// The reasons one line failed, as an `Error` so they travel in a `Result`.
private struct LineProblems: Error {
    let reasons: [RosterProblemReason]
    init(_ reasons: [RosterProblemReason]) { self.reasons = reasons }
}
