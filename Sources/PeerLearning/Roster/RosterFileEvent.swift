/// What an `m.file` event says about an uploaded roster, checked before anything is stored.
public struct RosterFileEvent: Equatable, Sendable {
    public let mxcURI: String
    public let filename: String
    /// The size the client claims; nil when it gave none or gave nonsense (negative).
    public let size: Int?

    /// The name used when the client sends a file without one.
    public static let unnamed = "roster.csv"
    /// Longer names are cut: they are only shown back to the supervisor.
    public static let longestName = 255

    /// Nil when `mxcURI` is not `mxc://<server>/<media id>`. A blank name becomes `unnamed`.
    public init?(mxcURI: String, filename: String?, size: Int64?) {
        guard Self.isMediaURI(mxcURI) else { return nil }
        self.mxcURI = mxcURI
        let name = (filename ?? "").trimmingWhitespace()
        self.filename = name.isEmpty ? Self.unnamed : String(name.prefix(Self.longestName))
        self.size = size.flatMap { $0 < 0 ? nil : Int(min($0, Int64(Int32.max))) }
    }

    /// Whether a file with this name or media type is meant as a CSV roster.
    public static func isCSV(filename: String?, mimetype: String?) -> Bool {
        (filename ?? "").trimmingWhitespace().lowercased().hasSuffix(".csv") || mimetype == "text/csv"
    }

    static func isMediaURI(_ uri: String) -> Bool {
        guard uri.hasPrefix("mxc://"), uri.count <= 2_048 else { return false }
        let parts = uri.dropFirst(6).split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
    }
}
