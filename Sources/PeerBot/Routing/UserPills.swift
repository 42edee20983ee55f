import Foundation
import PeerLearning

/// Clients turn a mention of a user into a "pill": the plain `body` then holds only the display
/// name ("Anna Hansen") and the user id is in the HTML, as a link to `https://matrix.to/#/@anna:hs`.
/// A command such as `!ready @anna:hs` written with a pill must still name the user.
enum UserPills {
    /// `body` with each pill's display text replaced by the user id its link names, in the order
    /// the links appear. Without an HTML body, or without user links, `body` is returned as it is.
    static func resolve(body: String, formattedBody: String?) -> String {
        guard let formattedBody else { return body }
        var result = body
        var searchFrom = result.startIndex
        for (text, userID) in links(in: formattedBody) where text != userID && !text.isEmpty {
            guard let range = result.range(of: text, range: searchFrom..<result.endIndex) else { continue }
            result.replaceSubrange(range, with: userID)
            searchFrom = result.index(range.lowerBound, offsetBy: userID.count)
        }
        return result
    }

    /// The (text, user id) of each `<a href="https://matrix.to/#/@…">text</a>` in `html`.
    static func links(in html: String) -> [(text: String, userID: String)] {
        var found: [(String, String)] = []
        var rest = html[...]
        while let open = rest.range(of: "<a ") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</a>") else { break }
            let attributes = rest[open.upperBound..<tagEnd]
            let text = unescape(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
            if let userID = userID(inAttributes: attributes) { found.append((text, userID)) }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// The user id of an `href` that points at `https://matrix.to/#/@user:server`, decoded.
    private static func userID(inAttributes attributes: Substring) -> String? {
        let prefix = "href=\"https://matrix.to/#/"
        guard let start = attributes.range(of: prefix),
              let end = attributes[start.upperBound...].firstIndex(of: "\"") else { return nil }
        var target = String(attributes[start.upperBound..<end])
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        guard let decoded = percentDecoded(target), MatrixUserID.isValid(decoded) else { return nil }
        return decoded
    }

    private static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func unescape(_ text: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
