/// The read-only pages the process maps from files and has never changed: its code, its constant
/// data, and those of the shared libraries, as listed in `/proc/self/smaps`. They are copies of the
/// files' page cache, so the process can let go of them and fault them back from the cache when it
/// runs that code again. A bot spends most of its life waiting on a long-poll, and most of the code
/// and tables a busy spell touched (start-up, a command, TLS, a database migration) are not needed
/// while it waits.
struct UnmodifiedFileMappings: Equatable, Sendable {
    /// Address ranges, `start..<end`, page-aligned as the kernel lists them.
    let ranges: [Range<UInt>]

    /// The mappings that are safe to drop, from a `/proc/PID/smaps` listing: backed by a file
    /// (a path, not `[vdso]` or an anonymous mapping), private, not writable, with nothing resident
    /// that the process wrote (`Anonymous: 0 kB`, which excludes the relocated data the loader made
    /// read-only after writing it) or that went to swap, and something resident to drop. A mapping
    /// whose fields are missing is kept.
    init(smaps: String) {
        var ranges: [Range<UInt>] = []
        var current: Candidate?
        for line in smaps.split(separator: "\n", omittingEmptySubsequences: true) {
            if let header = Candidate(header: line) {
                if let done = current?.droppable { ranges.append(done) }
                current = header
            } else if current != nil {
                current?.read(field: line)
            }
        }
        if let done = current?.droppable { ranges.append(done) }
        self.ranges = ranges
    }

    /// One mapping while its field lines are read.
    private struct Candidate {
        let range: Range<UInt>?
        var residentkB: Int?
        var anonymouskB: Int?
        var swapkB: Int?

        /// "start-end perms offset dev inode [path]": nil for field lines ("Rss:   12 kB").
        init?(header line: Substring) {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count >= 5, fields[1].count == 4, let dash = fields[0].firstIndex(of: "-"),
                  let start = UInt(fields[0][..<dash], radix: 16),
                  let end = UInt(fields[0][fields[0].index(after: dash)...], radix: 16) else { return nil }
            let permissions = Array(fields[1].utf8)
            let path = fields.count == 6 ? fields[5].drop(while: { $0 == " " }) : ""
            let readOnlyPrivate = permissions[0] == UInt8(ascii: "r") && permissions[1] == UInt8(ascii: "-")
                && permissions[3] == UInt8(ascii: "p")
            range = readOnlyPrivate && path.hasPrefix("/") && start < end ? start..<end : nil
        }

        mutating func read(field line: Substring) {
            if line.hasPrefix("Rss:") {
                residentkB = Self.kB(line)
            } else if line.hasPrefix("Anonymous:") {
                anonymouskB = Self.kB(line)
            } else if line.hasPrefix("Swap:") {
                swapkB = Self.kB(line)
            }
        }

        /// The range to drop, once the fields say it holds only pages of the file.
        var droppable: Range<UInt>? {
            guard let range, let residentkB, residentkB > 0, anonymouskB == 0, swapkB == 0 else { return nil }
            return range
        }

        private static func kB(_ line: Substring) -> Int? {
            line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
    }
}
