import Foundation

/// One student on the roster: Matrix user id, full name, and diversity attributes.
public struct Student: Sendable, Equatable, Codable {
    public var userID: String
    public var name: String
    /// Attribute key → values. Keys are lower-cased and trimmed; values are trimmed, empty ones
    /// dropped, and repeats (compared case-insensitively) removed keeping the first spelling.
    /// A key without values is left out.
    public var attributes: [String: [String]]

    public init(userID: String, name: String, attributes: [String: [String]] = [:]) {
        self.userID = userID.trimmingWhitespace()
        self.name = name.trimmingWhitespace()
        self.attributes = Student.normalized(attributes)
    }

    private enum CodingKeys: String, CodingKey { case userID, name, attributes }

    /// Decoding normalises too, so stored data can never bypass the attribute rules.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(userID: try container.decode(String.self, forKey: .userID),
                  name: try container.decode(String.self, forKey: .name),
                  attributes: try container.decodeIfPresent([String: [String]].self, forKey: .attributes) ?? [:])
    }

    /// Applies the attribute rules; keys that become equal after normalising are merged in key order.
    public static func normalized(_ attributes: [String: [String]]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for rawKey in attributes.keys.sorted() {
            let key = rawKey.trimmingWhitespace().lowercased()
            guard !key.isEmpty else { continue }
            result[key] = uniqueValues((result[key] ?? []) + (attributes[rawKey] ?? []))
        }
        return result.filter { !$0.value.isEmpty }
    }

    /// Trimmed, non-empty values, first spelling kept among case-insensitive repeats.
    static func uniqueValues(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        var kept: [String] = []
        for value in values {
            let trimmed = value.trimmingWhitespace()
            guard !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted else { continue }
            kept.append(trimmed)
        }
        return kept
    }
}

extension Student {
    /// Roster order: by name as a Danish reader expects (æ, ø, å after z), then by user id.
    static func rosterOrder(_ lhs: Student, _ rhs: Student) -> Bool {
        let left = NameOrder.key(lhs.name), right = NameOrder.key(rhs.name)
        return left != right ? left.lexicographicallyPrecedes(right) : lhs.userID < rhs.userID
    }
}

/// A sort key for names that needs no locale data: case-folded, accents dropped, æ ø å after z.
enum NameOrder {
    static func key(_ name: String) -> [UInt32] {
        name.lowercased().map { char -> UInt32 in
            switch char {
            case "æ", "ä": return 0x7B  // the code points right after "z"
            case "ø", "ö": return 0x7C
            case "å": return 0x7D
            default:
                let base = String(char).decomposedStringWithCanonicalMapping.unicodeScalars.first?.value ?? 0
                return base < 0x7B ? base : base + 0x10
            }
        }
    }
}
