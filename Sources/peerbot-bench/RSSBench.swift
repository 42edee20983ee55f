import Foundation

/// `rss`: a process's resident memory now (VmRSS) and at its peak (VmHWM), from `/proc/PID/status`.
struct RSSBench {
    let pid: Int32
    let json: Bool

    init(arguments: inout Arguments) throws {
        let text = try arguments.required("pid")
        guard let pid = Int32(text), pid > 0 else { throw BenchError.usage("--pid must be a process id, not '\(text)'") }
        self.pid = pid
        json = arguments.flag("json")
        try arguments.finish()
    }

    /// Memory figures in kB as the kernel reports them.
    struct Report: Encodable {
        let pid: Int32
        let vmRSSkB: Int
        let vmHWMkB: Int
        var vmRSSMB: Double { Double(vmRSSkB) / 1024 }
        var vmHWMMB: Double { Double(vmHWMkB) / 1024 }

        enum CodingKeys: String, CodingKey { case pid, vmRSSkB = "vm_rss_kb", vmHWMkB = "vm_hwm_kb", vmRSSMB = "vm_rss_mb", vmHWMMB = "vm_hwm_mb" }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(pid, forKey: .pid)
            try c.encode(vmRSSkB, forKey: .vmRSSkB)
            try c.encode(vmHWMkB, forKey: .vmHWMkB)
            try c.encode((vmRSSMB * 10).rounded() / 10, forKey: .vmRSSMB)
            try c.encode((vmHWMMB * 10).rounded() / 10, forKey: .vmHWMMB)
        }
    }

    func run() throws {
        let report = try Self.measure(pid: pid)
        if json { return try Figures.printJSON(report) }
        print("rss: pid \(pid)")
        print("  VmRSS \(Figures.format(report.vmRSSMB)) MB (\(report.vmRSSkB) kB)")
        print("  VmHWM \(Figures.format(report.vmHWMMB)) MB (\(report.vmHWMkB) kB)")
    }

    static func measure(pid: Int32) throws -> Report {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            throw BenchError.noProcess(pid: pid)
        }
        guard let rss = field("VmRSS", in: status), let hwm = field("VmHWM", in: status) else {
            throw BenchError.noProcess(pid: pid)
        }
        return Report(pid: pid, vmRSSkB: rss, vmHWMkB: hwm)
    }

    /// Reads "Name:   1234 kB".
    private static func field(_ name: String, in status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        }
        return nil
    }
}
