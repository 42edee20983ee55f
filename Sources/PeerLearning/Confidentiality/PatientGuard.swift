import Foundation

/// Finds patient identifiers in a student's text and masks them (SPEC: Patient confidentiality):
/// CPR numbers with a real date, names behind a title unless they are roster or supervisor
/// names, rooms and beds, and the administrator's own patterns.
public struct PatientGuard: @unchecked Sendable {
    /// Each known person's name parts, lower-cased: roster students and supervisors.
    let people: [Set<String>]
    /// The administrator's patterns, compiled; NSRegularExpression is immutable once made.
    let patterns: [NSRegularExpression]

    /// - parameters:
    ///   - knownNames: names of people whose names are not patient names ("Anna Holm",
    ///     or a supervisor's user id localpart such as "mette.hansen").
    ///   - patterns: `patient_guard_patterns`; one that does not compile is left out
    ///     (`check-config` reports it with `patternProblem`).
    public init(knownNames: [String] = [], patterns: [String] = []) {
        people = knownNames.map(Self.nameParts).filter { !$0.isEmpty }
        self.patterns = patterns.compactMap { try? NSRegularExpression(pattern: $0) }
    }

    /// Why `pattern` cannot be used, or nil when it compiles and cannot match empty text only.
    public static func patternProblem(_ pattern: String) -> String? {
        if pattern.isEmpty { return "must not be empty" }
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "is not a valid regular expression: \"\(pattern)\""
        }
    }

    /// Every identifier in `text`, in text order, never overlapping. A name or custom match
    /// found once is also found wherever else the same word appears (`Jensens`, a second mention).
    public func findings(in text: String) -> [IdentifierSpan] {
        guard !text.isEmpty else { return [] }
        let found = Self.cprNumbers(in: text) + names(in: text) + Self.beds(in: text) + custom(in: text)
        let kept = Self.withoutOverlaps(found)
        return Self.withoutOverlaps(kept + Self.echoes(of: kept, in: text))
    }

    /// `text` with each span replaced by its kind's label in `language`; spans must come from
    /// `findings(in:)` on the same text.
    public static func mask(_ text: String, spans: [IdentifierSpan], language: Language) -> String {
        var out = ""
        var cursor = text.startIndex
        for span in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where span.range.lowerBound >= cursor {
            out += text[cursor..<span.range.lowerBound]
            out += span.kind.label(language)
            cursor = span.range.upperBound
        }
        out += text[cursor...]
        return out
    }

    /// The text to keep and what was found in it.
    public func check(_ text: String, language: Language) -> GuardedText {
        let spans = findings(in: text)
        guard !spans.isEmpty else { return GuardedText(text: text, kinds: []) }
        var kinds: [IdentifierKind] = []
        for span in spans where !kinds.contains(span.kind) { kinds.append(span.kind) }
        return GuardedText(text: Self.mask(text, spans: spans, language: language), kinds: kinds)
    }
}

/// A student text after the guard: the text to keep (masked where something was found).
public struct GuardedText: Sendable, Equatable {
    public var text: String
    /// The kinds found, in the order of their first appearance; empty when nothing was.
    public var kinds: [IdentifierKind]

    public init(text: String, kinds: [IdentifierKind]) {
        self.text = text
        self.kinds = kinds
    }

    public var isMasked: Bool { !kinds.isEmpty }
}
