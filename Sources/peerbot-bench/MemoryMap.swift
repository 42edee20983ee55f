import Foundation

/// A process's mappings from `/proc/PID/smaps`, and where its resident pages go: the binary's code,
/// read-only data, relocated data and writable data, the allocator's heap and arenas, thread
/// stacks, SQLite's shared memory, shared libraries and other anonymous memory.
struct MemoryMap {
    struct Mapping {
        let start: UInt64
        let end: UInt64
        let permissions: String
        let offset: UInt64
        let path: String
        var residentkB = 0
        var anonymouskB = 0
        var size: UInt64 { end - start }
    }

    let mappings: [Mapping]

    init(smaps: String) {
        var mappings: [Mapping] = []
        for line in smaps.split(separator: "\n") {
            if let mapping = Self.header(line) {
                mappings.append(mapping)
            } else if line.hasPrefix("Rss:"), !mappings.isEmpty {
                mappings[mappings.count - 1].residentkB = Self.kB(line)
            } else if line.hasPrefix("Anonymous:"), !mappings.isEmpty {
                mappings[mappings.count - 1].anonymouskB = Self.kB(line)
            }
        }
        self.mappings = mappings
    }

    /// "start-end perms offset dev inode [path]"; nil for the field lines.
    private static func header(_ line: Substring) -> Mapping? {
        let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard fields.count >= 5, fields[1].count == 4, let dash = fields[0].firstIndex(of: "-"),
              let start = UInt64(fields[0][..<dash], radix: 16),
              let end = UInt64(fields[0][fields[0].index(after: dash)...], radix: 16),
              let offset = UInt64(fields[2], radix: 16) else { return nil }
        let path = fields.count == 6 ? String(fields[5].drop(while: \.isWhitespace)) : ""
        return Mapping(start: start, end: end, permissions: String(fields[1]), offset: offset, path: path)
    }

    private static func kB(_ line: Substring) -> Int {
        line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) } ?? 0
    }

    /// One line of the breakdown: what the pages are, how many KiB are resident, in how many mappings.
    struct Share: Encodable {
        let kind: String
        var kB: Int
        var mappings: Int
        enum CodingKeys: String, CodingKey { case kind, kB = "rss_kb", mappings }
    }

    /// 64 MiB: glibc reserves each arena after the main one at this size and alignment.
    static let arenaSize: UInt64 = 64 << 20

    /// The resident KiB by kind, in a fixed order (kinds with nothing resident left out).
    func breakdown(executable: String) -> [Share] {
        let order = ["code (.text)", "read-only data (.rodata, Swift metadata, eh_frame)", "relocated data (relro)",
                     "writable data (.data)", "zeroed data (.bss)", "malloc heap (main arena)",
                     "malloc arenas", "thread stacks", "main stack", "SQLite shared memory (-shm)",
                     "shared libraries", "other anonymous", "kernel (vdso, vvar)"]
        var shares = Dictionary(uniqueKeysWithValues: order.map { ($0, Share(kind: $0, kB: 0, mappings: 0)) })
        for (index, mapping) in mappings.enumerated() {
            let kind = self.kind(of: index, executable: executable)
            shares[kind, default: Share(kind: kind, kB: 0, mappings: 0)].kB += mapping.residentkB
            if mapping.residentkB > 0 { shares[kind]?.mappings += 1 }
        }
        return order.compactMap { shares[$0] }.filter { $0.kB > 0 }
    }

    private func kind(of index: Int, executable: String) -> String {
        let mapping = mappings[index]
        let previous = index > 0 ? mappings[index - 1] : nil
        let next = index + 1 < mappings.count ? mappings[index + 1] : nil
        if mapping.path == executable {
            switch mapping.permissions {
            case "r-xp": return "code (.text)"
            case "r--p": return mapping.anonymouskB > 0 || previous?.path == executable ? "relocated data (relro)" : "read-only data (.rodata, Swift metadata, eh_frame)"
            default: return "writable data (.data)"
            }
        }
        switch mapping.path {
        case "[heap]": return "malloc heap (main arena)"
        case "[stack]": return "main stack"
        case "[vdso]", "[vvar]", "[vvar_vclock]", "[vsyscall]": return "kernel (vdso, vvar)"
        default: break
        }
        if mapping.path.hasSuffix("-shm") { return "SQLite shared memory (-shm)" }
        if mapping.path.hasPrefix("/") { return "shared libraries" }
        if previous?.path == executable, previous?.end == mapping.start { return "zeroed data (.bss)" }
        // An arena: its used part, then the rest of its 64 MiB reserved with no access.
        if mapping.start % Self.arenaSize == 0, let next, next.permissions == "---p", next.start == mapping.end,
           next.end - mapping.start == Self.arenaSize {
            return "malloc arenas"
        }
        // A thread's stack sits right above a one-page guard with no access.
        if let previous, previous.permissions == "---p", previous.end == mapping.start, previous.size == 4096 {
            return "thread stacks"
        }
        return "other anonymous"
    }

    /// Resident KiB per shared library, largest first.
    func libraries(executable: String) -> [(path: String, kB: Int)] {
        var totals: [String: Int] = [:]
        for mapping in mappings where mapping.path.hasPrefix("/") && mapping.path != executable && !mapping.path.hasSuffix("-shm") {
            totals[mapping.path, default: 0] += mapping.residentkB
        }
        return totals.map { ($0.key, $0.value) }.sorted { ($0.kB, $1.path) > ($1.kB, $0.path) }
    }
}
