import Foundation
import GRDB
import PeerLearning

/// What identifies one student in stored text: their user id, their direct rooms, their
/// name and what they wrote, the last two also as they appear HTML- and JSON-escaped.
struct PersonalTraces {
    let userID: String
    let directRooms: Set<String>
    let phrases: Set<String>

    /// Texts shorter than this are too common ("ok", "thanks") to mark a message as theirs.
    static let shortestDistinctiveText = 12

    init(of userID: String, in reader: StoreReader) throws {
        let db = reader.db
        self.userID = userID
        directRooms = try String.fetchSet(db.cachedStatement(sql: "SELECT roomID FROM room WHERE kind = 'direct' AND userID = ?"), arguments: [userID])
        let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM student WHERE userID = ?"), arguments: [userID])
        let texts = try String.fetchAll(db.cachedStatement(sql: """
                SELECT text FROM reflection WHERE userID = :u
                UNION SELECT text FROM goalsQuestion WHERE userID = :u
                UNION SELECT text FROM feedback WHERE userID = :u
                UNION SELECT text FROM task WHERE assignee = :u
                UNION SELECT comment FROM rating WHERE rater = :u AND comment IS NOT NULL
                """),
            arguments: ["u": userID])
        let distinctive = texts.filter { $0.count >= Self.shortestDistinctiveText }
        phrases = Set((name.map { [$0] } ?? []) + distinctive).reduce(into: []) { all, phrase in
            all.formUnion(Self.escapedForms(of: phrase))
        }
    }

    /// Whether the text names the student or holds something of theirs.
    func isMentioned(in text: String) -> Bool {
        Self.mentions(text, userID: userID) || phrases.contains { text.contains($0) }
    }

    /// Whether `text` contains the user id itself, not as the start of a longer one
    /// (`@ann:hs` is not in `@ann:hs.example`).
    static func mentions(_ text: String, userID: String) -> Bool {
        !occurrences(of: userID, in: text).isEmpty
    }

    /// `text` with each occurrence of the user id itself replaced.
    static func replacingMentions(of userID: String, in text: String, with replacement: String) -> String {
        var result = text
        for range in occurrences(of: userID, in: text).reversed() {
            result.replaceSubrange(range, with: replacement)
        }
        return result
    }

    private static func occurrences(of userID: String, in text: String) -> [Range<String.Index>] {
        guard !userID.isEmpty else {
            return []
        }
        var found: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let range = text.range(of: userID, options: .literal, range: searchStart..<text.endIndex) {
            if !(text[range.upperBound...].first.map(continuesServerName) ?? false) {
                found.append(range)
            }
            searchStart = range.upperBound
        }
        return found
    }

    /// Characters that, right after a user id, make it part of a longer one.
    private static func continuesServerName(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".:-[]".contains(character))
    }

    private static func escapedForms(of phrase: String) -> Set<String> {
        var forms: Set<String> = []
        for form in [phrase, HTML.escape(phrase)] {
            forms.insert(form)
            forms.insert(jsonEscaped(form, options: [.withoutEscapingSlashes]))
            forms.insert(jsonEscaped(form, options: []))
        }
        return forms
    }

    private static func jsonEscaped(_ text: String, options: JSONEncoder.OutputFormatting) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = options
        guard let data = try? encoder.encode(text) else {
            return text
        }
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
