/// One account's login as given on the command line: `USER:PASS`.
struct Credentials: Sendable {
    let user: String
    let password: String

    /// USER is a localpart (`student`) or a full id (`@student:localhost`, split after its server
    /// name); the password is everything after, colons included.
    init(parsing text: String, option: String) throws {
        let separator: String.Index?
        if text.hasPrefix("@"), let serverColon = text.firstIndex(of: ":") {
            separator = text[text.index(after: serverColon)...].firstIndex(of: ":")
        } else {
            separator = text.firstIndex(of: ":")
        }
        guard let separator, separator > text.startIndex else {
            throw BenchError.usage("--\(option) must be USER:PASS")
        }
        user = String(text[..<separator])
        password = String(text[text.index(after: separator)...])
    }
}
