/// An array read element by element, leaving out elements that do not decode: one malformed
/// event must not make a whole `/sync` answer unreadable (it would be fetched again forever).
struct Lossy<Element: Decodable>: Decodable {
    var elements: [Element] = []

    init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        while !c.isAtEnd {
            if let element = try? c.decode(Element.self) {
                elements.append(element)
            } else if (try? c.decode(JSONValue.self)) == nil {
                // Any JSON value steps the container on; if even that fails, stop rather than loop.
                break
            }
        }
    }
}

extension KeyedDecodingContainer {
    /// The elements of the array under `key` that decode; empty when the key is missing or null.
    func decodeLossy<Element: Decodable>(_ type: [Element].Type, forKey key: Key) throws -> [Element] {
        try decodeIfPresent(Lossy<Element>.self, forKey: key)?.elements ?? []
    }
}
