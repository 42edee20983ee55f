import Foundation
import Testing
@testable import PeerBot

/// After a quiet spell the bot lets go of the code and constant data it mapped from files, and only
/// of pages it can get back from the file unchanged.
@Suite struct UnmodifiedFileMappingsTests {
    /// A listing as the kernel writes it, trimmed to the fields that matter.
    static func mapping(_ header: String, rss: Int, anonymous: Int, swap: Int = 0) -> String {
        """
        \(header)
        Size:               1024 kB
        Rss:                \(rss) kB
        Pss:                \(rss) kB
        Anonymous:          \(anonymous) kB
        Swap:               \(swap) kB
        VmFlags: rd ex mr mw me

        """
    }

    @Test func onlyReadOnlyPrivatePagesOfAFileThatTheProcessNeverWroteAreDropped() {
        let smaps = [
            Self.mapping("55d0a0000000-55d0a0400000 r--p 00000000 fd:01 1234   /usr/bin/peerbot", rss: 800, anonymous: 0),
            Self.mapping("55d0a0400000-55d0a2000000 r-xp 00400000 fd:01 1234   /usr/bin/peerbot", rss: 9000, anonymous: 0),
            // Relocated data made read-only after the loader wrote it: going back to the file would undo that.
            Self.mapping("55d0a2000000-55d0a2100000 r--p 02000000 fd:01 1234   /usr/bin/peerbot", rss: 900, anonymous: 900),
            Self.mapping("55d0a2100000-55d0a2200000 rw-p 02100000 fd:01 1234   /usr/bin/peerbot", rss: 400, anonymous: 300),
            Self.mapping("55d0a2200000-55d0a2300000 rw-p 00000000 00:00 0 ", rss: 600, anonymous: 600),
            Self.mapping("7f0000000000-7f0000100000 r-xp 00000000 fd:01 99     /usr/lib/x86_64-linux-gnu/libcrypto.so.3 (deleted)", rss: 1500, anonymous: 0),
            Self.mapping("7f0000100000-7f0000200000 r--s 00000000 fd:01 77     /var/lib/peerbot/peerbot.sqlite-shm", rss: 32, anonymous: 0),
            Self.mapping("7f0000200000-7f0000300000 r--p 00000000 00:00 0 ", rss: 8, anonymous: 8),
            Self.mapping("7f0000300000-7f0000400000 r--p 00000000 fd:01 98     /usr/lib/x86_64-linux-gnu/libz.so.1", rss: 0, anonymous: 0),
            Self.mapping("7f0000400000-7f0000500000 r-xp 00000000 fd:01 97     /usr/lib/x86_64-linux-gnu/libm.so.6", rss: 40, anonymous: 0, swap: 4),
            Self.mapping("7ffc00000000-7ffc00002000 r-xp 00000000 00:00 0      [vdso]", rss: 8, anonymous: 0),
        ].joined()
        #expect(UnmodifiedFileMappings(smaps: smaps).ranges == [
            0x55d0_a000_0000..<0x55d0_a040_0000,
            0x55d0_a040_0000..<0x55d0_a200_0000,
            0x7f00_0000_0000..<0x7f00_0010_0000,
        ])
    }

    @Test func aListingCutShortOrMalformedDropsNothingItCannotVouchFor() {
        let header = "55d0a0400000-55d0a2000000 r-xp 00400000 fd:01 1234   /usr/bin/peerbot"
        #expect(UnmodifiedFileMappings(smaps: "").ranges.isEmpty)
        #expect(UnmodifiedFileMappings(smaps: header + "\nRss:   9000 kB\n").ranges.isEmpty)
        #expect(UnmodifiedFileMappings(smaps: "not a listing\n\u{0}\u{FFFD}\nRss: x kB\n" + header).ranges.isEmpty)
        #expect(UnmodifiedFileMappings(smaps: Self.mapping("55d0a2000000-55d0a0400000 r-xp 0 fd:01 1 /x", rss: 4, anonymous: 0)).ranges.isEmpty)
    }

    #if os(Linux)
    /// Resident KiB of the given ranges, from this process's listing now.
    static func resident(in ranges: [Range<UInt>]) throws -> Int {
        let smaps = try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        var total = 0
        var inside = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let start = UInt(line[..<dash], radix: 16) {
                inside = ranges.contains { $0.lowerBound == start }
            } else if inside, line.hasPrefix("Rss:") {
                total += line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            }
        }
        return total
    }

    @Test func theProcessLetsGoOfItsCodeAndKeepsRunningIt() throws {
        let mappings = UnmodifiedFileMappings.current()
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #expect(!mappings.ranges.isEmpty, "the test binary \(executable) maps its code from the file")
        let before = try Self.resident(in: mappings.ranges)
        #expect(mappings.release() > 0)
        let after = try Self.resident(in: mappings.ranges)
        #expect(after < before * 3 / 4, "resident \(before) KiB before, \(after) KiB after")
        // Code and constants that were dropped run and read as before.
        let text = String(repeating: "Grüß Gott, ", count: 100)
        #expect(text.uppercased().hasPrefix("GRÜSS GOTT"))
        #expect(try JSONSerialization.jsonObject(with: Data(#"{"a":[1,2]}"#.utf8)) is [String: Any])
    }
    #endif
}
