import PeerLearning

/// What the homeserver accepts: Synapse refuses an event whose JSON passes 65,536 bytes. The
/// content gets 45,000 of them: in an encrypted room the content travels as base64 Megolm
/// ciphertext (4/3 of the plaintext, plus padding and the event's type and room), which must
/// still leave room for the envelope the homeserver adds (ids, room, sender, signatures,
/// hashes, `unsigned`).
public enum MessageBudget {
    public static let eventBytes = 65_536
    public static let contentBytes = 45_000
    /// Quoted user text in a notice is cut to this many characters: `TextLimits.quote`'s rule.
    public static let quotedCharacters = TextLimits.quoteCharacters
}

extension RenderedMessage {
    /// The message as parts that each pass `fits` (the caller measures the real event content):
    /// the message itself when it fits, or its lines spread over as few numbered parts as the
    /// halving allows; a line too long for one part is cut between characters. Nothing is dropped.
    /// Each part keeps the marks (`kind`, `group`, `session` …) and gets `part`/`parts`.
    public func split(fits: (RenderedMessage) -> Bool) -> [RenderedMessage] {
        guard !fits(self) else { return [self] }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var chunks: [[String]] = []
        pack(lines[...], into: &chunks, fits: fits)
        let merged = merge(chunks, fits: fits)
        return merged.enumerated().map { index, chunk in part(chunk, number: index + 1, of: merged.count) }
    }

    /// Halves `lines` until each half fits as a part (numbered as large as any real part can be).
    private func pack(_ lines: ArraySlice<String>, into chunks: inout [[String]], fits: (RenderedMessage) -> Bool) {
        if fits(part(Array(lines), number: 999, of: 999)) {
            chunks.append(Array(lines))
        } else if lines.count > 1 {
            let middle = lines.startIndex + lines.count / 2
            pack(lines[..<middle], into: &chunks, fits: fits)
            pack(lines[middle...], into: &chunks, fits: fits)
        } else if let line = lines.first, line.count > 1 {
            // One line too long for a part: its halves go on as two lines.
            let middle = line.index(line.startIndex, offsetBy: line.count / 2)
            pack([String(line[..<middle]), String(line[middle...])][...], into: &chunks, fits: fits)
        } else {
            chunks.append(Array(lines)) // a single character always fits any sane budget
        }
    }

    /// Neighbouring chunks are joined again while the result still fits.
    private func merge(_ chunks: [[String]], fits: (RenderedMessage) -> Bool) -> [[String]] {
        var merged: [[String]] = []
        for chunk in chunks {
            if let last = merged.last, fits(part(last + chunk, number: 999, of: 999)) {
                merged[merged.count - 1] = last + chunk
            } else {
                merged.append(chunk)
            }
        }
        return merged
    }

    private func part(_ lines: [String], number: Int, of total: Int) -> RenderedMessage {
        var message = self
        let text = "(\(number)/\(total)) " + lines.joined(separator: "\n")
        message.body = text
        message.html = html == nil ? nil : HTML.paragraph(text)
        message.part = number
        message.parts = total
        return message
    }
}
