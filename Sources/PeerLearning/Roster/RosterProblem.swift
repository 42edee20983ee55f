/// Why one line of a roster file was refused.
public enum RosterProblemReason: Sendable, Equatable, Hashable {
    /// The first cell is not a Matrix user id (the cell's text, possibly empty).
    case invalidUserID(String)
    case missingName
    /// The line has `got` cells where the header has `expected`.
    case wrongColumnCount(expected: Int, got: Int)
    /// The user id already appeared on `firstLine`.
    case duplicateUserID(String, firstLine: Int)
    /// A name or attribute cell in `column` is longer than `TextKind.name.limit` characters.
    case tooLong(column: String, length: Int)
}

/// One problem on one line; `line` is 1-based and counts the header as line 1.
public struct RosterLineProblem: Sendable, Equatable, Hashable {
    public var line: Int
    public var reason: RosterProblemReason

    public init(line: Int, reason: RosterProblemReason) {
        self.line = line
        self.reason = reason
    }
}

/// Why the header line of a roster file was refused; the rows are then not read.
public enum RosterHeaderProblem: Sendable, Equatable, Hashable {
    /// Nothing in the file, not even a header.
    case emptyFile
    /// The header does not start with `matrix_id,name`; `found` holds its first cells.
    case missingIDAndNameColumns(found: [String])
    /// A column name (lower-cased) appears more than once.
    case duplicateColumn(String)
    /// The header cell in `column` (1-based) is empty.
    case emptyColumnName(column: Int)
}

/// What a roster file holds: the students, or every reason it cannot be imported.
public struct RosterImportResult: Sendable, Equatable {
    public var students: [Student]
    public var problems: [RosterLineProblem]
    public var headerProblem: RosterHeaderProblem?
    /// The attribute columns, lower-cased, in file order.
    public var attributeKeys: [String]

    public init(students: [Student] = [], problems: [RosterLineProblem] = [],
                headerProblem: RosterHeaderProblem? = nil, attributeKeys: [String] = []) {
        self.students = students
        self.problems = problems
        self.headerProblem = headerProblem
        self.attributeKeys = attributeKeys
    }

    /// A file is imported only whole: any problem refuses all of it.
    public var isAcceptable: Bool { headerProblem == nil && problems.isEmpty }
}
