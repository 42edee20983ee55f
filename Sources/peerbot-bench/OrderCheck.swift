import Foundation

/// Whether `support/peerbot.order` still matches the running binary: how many of the functions it
/// lists the binary no longer has (renamed, removed, or inlined away), how tight the linker packed
/// the ones it has, and how much of the code the process holds resident lies outside that block
/// (code it ran that the order file does not name).
struct OrderCheck: Encodable {
    let listed: Int
    let missing: Int
    /// The span of the listed functions in the binary, KiB.
    let blockkB: Int
    /// Resident code inside and outside the block, KiB (from `/proc/PID/pagemap`).
    let residentInsidekB: Int
    let residentOutsidekB: Int

    /// Above this share of missing names the file no longer describes the code.
    static let staleShare = 0.05

    var missingShare: Double { listed == 0 ? 1 : Double(missing) / Double(listed) }
    var matches: Bool { missingShare <= Self.staleShare }

    enum CodingKeys: String, CodingKey {
        case listed, missing, blockkB = "ordered_block_kb", residentInsidekB = "resident_code_in_block_kb"
        case residentOutsidekB = "resident_code_outside_block_kb"
    }

    /// - parameters: `order` the order file, `binary` the executable (`/proc/PID/exe`), `code` its
    ///   text mapping in the process `pid`, and `base` what was added to its link addresses.
    ///   Nil for a binary that links the Swift runtime dynamically: the order is made for the
    ///   static build, and most of what it lists lives in the toolchain's shared libraries then.
    static func measure(order: String, binary: String, pid: Int32, code: MemoryMap.Mapping, base: UInt64) throws -> OrderCheck? {
        let names = try String(contentsOfFile: order, encoding: .utf8).split(separator: "\n").map(String.init)
        let symbols = try functionAddresses(binary)
        guard symbols["swift_retain"] != nil else { return nil }
        let addresses = names.compactMap { symbols[$0] }
        guard let low = addresses.min(), let high = addresses.max() else {
            return OrderCheck(listed: names.count, missing: names.count, blockkB: 0, residentInsidekB: 0, residentOutsidekB: 0)
        }
        let block = (base + low)..<(base + high + 4096)
        let pages = try residentPages(pid: pid, code: code)
        let inside = pages.filter { block.contains($0) }.count
        return OrderCheck(listed: names.count, missing: names.count - addresses.count, blockkB: Int(high - low) / 1024,
                          residentInsidekB: inside * 4, residentOutsidekB: (pages.count - inside) * 4)
    }

    /// Link addresses of the binary's defined functions, from `nm`.
    static func functionAddresses(_ binary: String) throws -> [String: UInt64] {
        let nm = Process()
        nm.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        nm.arguments = ["nm", "--defined-only", binary]
        let pipe = Pipe()
        nm.standardOutput = pipe
        try nm.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        nm.waitUntilExit()
        guard nm.terminationStatus == 0 else { throw BenchError.unexpected("nm could not read \(binary)") }
        var addresses: [String: UInt64] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, "tTwW".contains(fields[1]), let address = UInt64(fields[0], radix: 16) else { continue }
            if addresses[String(fields[2])] == nil { addresses[String(fields[2])] = address }
        }
        return addresses
    }

    /// The addresses of the code mapping's pages that are present (bit 63 of each pagemap entry).
    static func residentPages(pid: Int32, code: MemoryMap.Mapping) throws -> [UInt64] {
        guard let file = FileHandle(forReadingAtPath: "/proc/\(pid)/pagemap") else { throw BenchError.noProcess(pid: pid) }
        defer { try? file.close() }
        try file.seek(toOffset: code.start / 4096 * 8)
        let data = try file.read(upToCount: Int(code.size / 4096) * 8) ?? Data()
        var pages: [UInt64] = []
        data.withUnsafeBytes { raw in
            for index in 0..<(raw.count / 8) where raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) >> 63 == 1 {
                pages.append(code.start + UInt64(index) * 4096)
            }
        }
        return pages
    }

    /// What the loader added to the binary's link addresses: the start of its first mapping for a
    /// position-independent executable (ELF type 3), nothing for a fixed one.
    static func loadBase(binary: String, map: MemoryMap) -> UInt64 {
        let file = FileHandle(forReadingAtPath: binary)
        defer { try? file?.close() }
        guard let header = try? file?.read(upToCount: 18), header.count == 18, header[header.startIndex + 16] == 3 else { return 0 }
        return map.mappings.first { $0.path == binary && $0.offset == 0 }?.start ?? 0
    }
}
