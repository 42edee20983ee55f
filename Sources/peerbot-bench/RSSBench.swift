import Foundation

/// `rss`: a process's resident memory now (VmRSS) and at its peak (VmHWM), from `/proc/PID/status`,
/// split into anonymous and file-backed pages, by kind of mapping and by file (`/proc/PID/smaps`);
/// with `--order`, whether that function order file still matches the binary.
/// Sizes are in KiB as the kernel reports them; "MiB" is KiB / 1024.
struct RSSBench {
    let pid: Int32
    let json: Bool
    /// The function order file the binary was linked with (support/peerbot.order).
    let order: String?

    /// Idle resident memory targets, MiB: the encrypted-rooms issue's and the close-to-the-limit one's.
    static let targets: [(mib: Int, source: String)] = [(30, "encrypted rooms"), (25, "close to the limit")]

    init(arguments: inout Arguments) throws {
        let text = try arguments.required("pid")
        guard let pid = Int32(text), pid > 0 else { throw BenchError.usage("--pid must be a process id, not '\(text)'") }
        self.pid = pid
        json = arguments.flag("json")
        order = try arguments.option("order")
        try arguments.finish()
    }

    /// Memory figures in kB as the kernel reports them.
    struct Report: Encodable {
        let pid: Int32
        let vmRSSkB: Int
        let vmHWMkB: Int
        let anonymouskB: Int
        let filekB: Int
        /// Resident KiB per mapped file, largest first (at most eight).
        let largestFiles: [MappedFile]
        /// Resident KiB by kind of mapping (code, data, heap, arenas, stacks, libraries, …).
        let breakdown: [MemoryMap.Share]
        var orderCheck: OrderCheck?
        /// The order file was given but the binary links the Swift runtime dynamically.
        var orderNotApplicable = false
        var vmRSSMB: Double { Double(vmRSSkB) / 1024 }
        var vmHWMMB: Double { Double(vmHWMkB) / 1024 }

        struct MappedFile: Encodable {
            let path: String
            let kB: Int
            enum CodingKeys: String, CodingKey { case path, kB = "rss_kb" }
        }

        enum CodingKeys: String, CodingKey {
            case pid, vmRSSkB = "vm_rss_kb", vmHWMkB = "vm_hwm_kb", vmRSSMB = "vm_rss_mib", vmHWMMB = "vm_hwm_mib"
            case anonymouskB = "rss_anon_kb", filekB = "rss_file_kb", largestFiles = "largest_files"
            case breakdown, orderCheck = "order_file"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pid, forKey: .pid)
            try c.encode(vmRSSkB, forKey: .vmRSSkB)
            try c.encode(vmHWMkB, forKey: .vmHWMkB)
            try c.encode((vmRSSMB * 10).rounded() / 10, forKey: .vmRSSMB)
            try c.encode((vmHWMMB * 10).rounded() / 10, forKey: .vmHWMMB)
            try c.encode(anonymouskB, forKey: .anonymouskB)
            try c.encode(filekB, forKey: .filekB)
            try c.encode(largestFiles, forKey: .largestFiles)
            try c.encode(breakdown, forKey: .breakdown)
            try c.encodeIfPresent(orderCheck, forKey: .orderCheck)
        }
    }

    func run() throws {
        var report = try Self.measure(pid: pid)
        if let order {
            report.orderCheck = try Self.checkOrder(order, pid: pid)
            report.orderNotApplicable = report.orderCheck == nil
        }
        if json { return try Figures.printJSON(report) }
        print("rss: pid \(pid)")
        print("  VmRSS \(Figures.format(report.vmRSSMB)) MiB (\(report.vmRSSkB) KiB)")
        print("  VmHWM \(Figures.format(report.vmHWMMB)) MiB (\(report.vmHWMkB) KiB)")
        // The idle targets in the unit `ps`, `top` and `systemctl status` show memory in (MiB).
        for target in Self.targets {
            let met = report.vmRSSkB <= target.mib * 1024
            print("  target ≤ \(target.mib) MiB (\(target.source)): \(met ? "met" : "not met")")
        }
        print("  anonymous \(report.anonymouskB) KiB, file-backed \(report.filekB) KiB; by kind of mapping:")
        for share in report.breakdown {
            print("    \(Self.column(share.kB)) KiB  \(share.kind)\(share.mappings > 1 ? " (\(share.mappings) mappings)" : "")")
        }
        print("  shared libraries and other files, largest first:")
        for file in report.largestFiles {
            print("    \(Self.column(file.kB)) KiB  \(file.path)")
        }
        if let check = report.orderCheck { Self.printOrder(check) }
        if report.orderNotApplicable {
            print("  order file: not checked, it is made for the static build (this binary links the Swift runtime dynamically)")
        }
    }

    static func column(_ kB: Int) -> String {
        String(repeating: " ", count: max(0, 7 - String(kB).count)) + String(kB)
    }

    static func printOrder(_ check: OrderCheck) {
        let share = Figures.format(check.missingShare * 100)
        print("  order file: \(check.listed) functions listed, \(check.missing) (\(share) %) not in the binary:"
              + " \(check.matches ? "matches" : "STALE, regenerate it (scripts/profile_order.sh)")"
              + " (stale above \(Int(OrderCheck.staleShare * 100)) %)")
        print("    ordered block \(check.blockkB) KiB; resident code \(check.residentInsidekB) KiB inside it,"
              + " \(check.residentOutsidekB) KiB outside (code that ran but is not listed, and fault-around)")
    }

    static func measure(pid: Int32) throws -> Report {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            throw BenchError.noProcess(pid: pid)
        }
        guard let rss = field("VmRSS", in: status), let hwm = field("VmHWM", in: status) else {
            throw BenchError.noProcess(pid: pid)
        }
        let smaps = readSmaps(pid: pid)
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
        let files = residentByFile(smaps).filter { $0.path != executable }
        return Report(pid: pid, vmRSSkB: rss, vmHWMkB: hwm, anonymouskB: field("RssAnon", in: status) ?? 0,
                      filekB: field("RssFile", in: status) ?? 0, largestFiles: Array(files.prefix(8)),
                      breakdown: MemoryMap(smaps: smaps).breakdown(executable: executable))
    }

    /// Read to the end by hand: /proc files report a size of 0, and smaps is longer than a page.
    static func readSmaps(pid: Int32) -> String {
        FileHandle(forReadingAtPath: "/proc/\(pid)/smaps").map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) } ?? ""
    }

    static func checkOrder(_ order: String, pid: Int32) throws -> OrderCheck? {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
        let map = MemoryMap(smaps: readSmaps(pid: pid))
        guard let code = map.mappings.first(where: { $0.path == executable && $0.permissions == "r-xp" }) else {
            throw BenchError.noProcess(pid: pid)
        }
        return try OrderCheck.measure(order: order, binary: executable, pid: pid, code: code,
                                      base: OrderCheck.loadBase(binary: executable, map: map))
    }

    /// Sums the `Rss:` lines of each file's mappings in an smaps listing.
    static func residentByFile(_ smaps: String) -> [Report.MappedFile] {
        var totals: [String: Int] = [:]
        var current: String?
        for line in smaps.split(separator: "\n") {
            if line.hasPrefix("Rss:") {
                if let current, let kB = line.dropFirst(4).split(whereSeparator: \.isWhitespace).first.flatMap({ Int($0) }) {
                    totals[current, default: 0] += kB
                }
            } else if let first = line.first, first.isHexDigit, line.contains("-") {
                // A mapping's header: "start-end perms offset dev inode [path]"; a path starts with "/".
                let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
                let path = fields.count == 6 ? fields[5].drop(while: \.isWhitespace) : ""
                current = path.hasPrefix("/") ? String(path) : nil
            }
        }
        return totals.map { Report.MappedFile(path: $0.key, kB: $0.value) }.sorted { ($0.kB, $1.path) > ($1.kB, $0.path) }
    }

    /// Reads "Name:   1234 kB".
    private static func field(_ name: String, in status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
        return nil
    }
}
