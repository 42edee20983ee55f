import Testing
import PeerLearning

/// Scalars that join the character before or after them into one grapheme cluster
/// (Grapheme_Cluster_Break=Prepend), which a Character-wise escape would compare as a whole.
private let prependScalars: [UInt32] = [
    0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E,
    0x110BD, 0x110CD, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84, 0x11A89, 0x11D46,
]

private let hostile: [String] = [
    "<a href=\"https://evil\">x</a>",
    "\u{0600}<a href=x>",
    "\u{0601}<script>",
    "\u{0602}<img src=x>",
    "\u{0603}<b>",
    "\u{0604}<i>",
    "\u{0605}<u>",
    "\u{110BD}<a href='x'>",
    "\u{110CD}<p>",
    "\u{06DD}<div>",
    "\u{070F}<span>",
    "<\u{0301}a href=x>",
    "<\u{0308}script>",
    "<\u{20DD}>",
    "<\u{093F}b>",
    "&\u{0301}amp;",
    "&\u{0600}lt;",
    "\"\u{0301} onmouseover=\"a()",
    "'\u{0301} onclick='a()",
    ">\u{0301}",
    "a\u{200D}<b>",
    "<\u{200D}b>",
    "👩\u{200D}<b>",
    "\u{202E}<a href=x>\u{202C}",
    "\u{2067}<i>\u{2069}",
    "<\u{FE0F}a>",
    "🇩<🇰",
    "👍\u{1F3FD}<b>",
    "\u{1100}<\u{1161}",
    "\r\n<b>",
    "\u{0000}<b>",
    "&amp;<",
    "&#60;",
    "\u{E0001}<b>",
    "<<<>>>\"\"&&''",
    "\u{0600}\u{0601}<<\u{0301}\u{0301}",
]

private let entities: [(entity: [Unicode.Scalar], scalar: Unicode.Scalar)] = [
    ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
].map { (Array($0.0.unicodeScalars), $0.1) }

/// Whether `scalars` continue at `index` with `entity`, compared scalar by scalar as an HTML
/// parser reads them (String comparison would join a following combining mark to the `;`).
private func starts(_ scalars: [Unicode.Scalar], at index: Int, with entity: [Unicode.Scalar]) -> Bool {
    index + entity.count <= scalars.count && Array(scalars[index..<(index + entity.count)]) == entity
}

/// True when the text has no `<`, `>`, `"` or `'` scalar and every `&` starts one of escape's entities.
private func isInert(_ html: String) -> Bool {
    let scalars = Array(html.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
        switch scalar {
        case "<", ">", "\"", "'": return false
        case "&": guard entities.contains(where: { starts(scalars, at: index, with: $0.entity) }) else { return false }
        default: continue
        }
    }
    return true
}

/// Undoes escape scalar by scalar, to show nothing of the user's text was lost or reordered.
private func unescaped(_ html: String) -> [Unicode.Scalar] {
    let scalars = Array(html.unicodeScalars)
    var out: [Unicode.Scalar] = []
    var index = 0
    while index < scalars.count {
        if let match = entities.first(where: { starts(scalars, at: index, with: $0.entity) }) {
            out.append(match.scalar)
            index += match.entity.count
        } else {
            out.append(scalars[index])
            index += 1
        }
    }
    return out
}

@Test(arguments: hostile)
func hostileTextNeverBecomesMarkup(_ text: String) {
    let html = HTML.escape(text)
    #expect(isInert(html), "\(Array(html.unicodeScalars.map { String($0.value, radix: 16) }))")
    #expect(unescaped(html) == Array(text.unicodeScalars))
}

@Test func theTableHoldsCasesThatACharacterWiseEscapeMisses() {
    #expect(hostile.count >= 30)
    // These join `<` into one Character, so comparing Characters with "<" finds nothing.
    let joined = hostile.filter { text in text.unicodeScalars.contains("<") && !text.contains("<" as Character) }
    #expect(joined.count >= 15)
}

@Test func everyPrependScalarBeforeEveryMarkupCharacterIsEscaped() throws {
    for value in prependScalars {
        let prepend = try #require(Unicode.Scalar(value))
        for markup in ["<", ">", "&", "\"", "'"] {
            let text = String(prepend) + markup + "a href=x"
            #expect(isInert(HTML.escape(text)), "U+\(String(value, radix: 16)) before \(markup)")
        }
    }
}

@Test func everyCombiningAndFormatScalarAroundMarkupIsEscaped() {
    let joining: Set<Unicode.GeneralCategory> = [.nonspacingMark, .spacingMark, .enclosingMark, .format]
    var checked = 0
    for value in UInt32(0)...0x10FFFF {
        guard let scalar = Unicode.Scalar(value), joining.contains(scalar.properties.generalCategory) else { continue }
        let after = "<" + String(scalar) + "script>&" + String(scalar) + "\"" + String(scalar)
        let before = String(scalar) + "<" + String(scalar) + "'>"
        guard isInert(HTML.escape(after)), isInert(HTML.escape(before)) else {
            Issue.record("U+\(String(value, radix: 16)) let markup through")
            return
        }
        checked += 1
    }
    // Unicode 15 has over 2,000 marks and format characters; a broken filter would check none.
    #expect(checked > 2_000)
}

@Test func textWithoutMarkupComesBackAsItIsAndLongTextWhole() {
    for text in ["", "lærte næste dosis 😀", "a\u{0301}b", String(repeating: "ø", count: 10_000)] {
        #expect(HTML.escape(text) == text)
    }
    let long = String(repeating: "<b>næste & \"dosis\" 'x'</b>😀", count: 2_000)
    let html = HTML.escape(long)
    #expect(isInert(html))
    #expect(unescaped(html) == Array(long.unicodeScalars))
}
