#if os(Linux)
import Glibc
#endif

extension UnmodifiedFileMappings {
    /// The process's own mappings now; empty where there is no `/proc/self/smaps` (not Linux, or
    /// /proc not mounted), so nothing is dropped.
    static func current() -> UnmodifiedFileMappings {
        UnmodifiedFileMappings(smaps: readProcFile("/proc/self/smaps") ?? "")
    }

    /// Unmaps the listed pages from this process (`MADV_DONTNEED`). The kernel keeps them in the
    /// page cache: the next access to one maps it again (a minor fault, no disk read), so the code
    /// the next message runs comes back by itself. Unlike `MADV_PAGEOUT` it needs no write access
    /// to the files (root owns the binary and the libraries, the bot runs as its own user) and does
    /// not push pages other processes use out of the cache. Private pages the process wrote would
    /// go back to the file's contents, which is why `init(smaps:)` leaves every mapping holding one
    /// out. A range the kernel refuses (locked, or gone since the listing) stays as it was.
    /// Returns the KiB of address space advised.
    @discardableResult
    func release() -> Int {
        #if os(Linux)
        var advised = 0
        for range in ranges {
            guard let start = UnsafeMutableRawPointer(bitPattern: range.lowerBound) else { continue }
            if madvise(start, Int(range.upperBound - range.lowerBound), MADV_DONTNEED) == 0 {
                advised += Int((range.upperBound - range.lowerBound) / 1024)
            }
        }
        return advised
        #else
        return 0
        #endif
    }

    /// A /proc file read to its end by hand (they report a size of 0), without Foundation, whose
    /// code would otherwise be faulted in for this.
    private static func readProcFile(_ path: String) -> String? {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? String(decoding: bytes, as: UTF8.self) : nil }
            bytes.append(contentsOf: chunk[..<count])
        }
        #else
        return nil
        #endif
    }
}
