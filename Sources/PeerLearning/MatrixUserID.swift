/// Checks that a word is a Matrix user id, `@localpart:server.name[:port]`.
public enum MatrixUserID {
    /// True for `@anna:example.org`, `@bot.name:hs.local:8448`, `@x:[::1]`; false otherwise.
    public static func isValid(_ id: String) -> Bool {
        guard id.utf8.count <= 255, id.hasPrefix("@"), let colon = id.firstIndex(of: ":") else {
            return false
        }
        let localpart = id[id.index(after: id.startIndex)..<colon]
        let server = id[id.index(after: colon)...]
        return !localpart.isEmpty && localpart.allSatisfy(isLocalpartCharacter) && isServerName(server)
    }

    /// Historical user ids allow any printable ASCII except `:` in the localpart.
    private static func isLocalpartCharacter(_ char: Character) -> Bool {
        guard let ascii = char.asciiValue else { return false }
        return ascii > 0x20 && ascii < 0x7F && char != ":"
    }

    private static func isServerName(_ server: Substring) -> Bool {
        var host = server
        if let colon = server.lastIndex(of: ":"), !server.hasSuffix("]") {
            let port = server[server.index(after: colon)...]
            guard (1...5).contains(port.count), port.allSatisfy(\.isASCIIDigit) else { return false }
            host = server[..<colon]
        }
        if host.hasPrefix("[") {
            let inner = host.dropFirst().dropLast()
            return host.hasSuffix("]") && !inner.isEmpty
                && inner.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return !host.isEmpty && host.count <= 255
            && host.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." }
    }

    /// `anna` for `@anna:hs`; an id without the `@…:` shape comes back as it is.
    public static func localpart(of id: String) -> String {
        guard id.hasPrefix("@") else { return id }
        return String(id.dropFirst().prefix(while: { $0 != ":" }))
    }
}
