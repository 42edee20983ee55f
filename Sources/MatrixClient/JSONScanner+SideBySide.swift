import Dispatch
import Foundation

extension JSONScanner {
    /// Bodies smaller than this are read on one thread: below it, starting the others costs
    /// more than they save (a quiet sync is a few kilobytes; a catch-up, megabytes).
    static let sideBySideThreshold = 256 * 1024

    /// As `scanMap`, with the values read on every core when the body is large: the map is first
    /// stepped over once (checking its syntax) to find where each value lies, then the values
    /// are read side by side, each by its own copy of the scanner. The result is the one
    /// `scanMap` gives: of two equal keys the later stands, and the first value (in body order)
    /// that cannot be read is the error thrown.
    mutating func scanMapSideBySide<T: Sendable>(_ body: @Sendable (inout JSONScanner) throws -> T) throws -> [String: T] {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        guard bytes.count >= Self.sideBySideThreshold, threads > 1 else { return try scanMap(body) }
        var members: [(name: String, value: JSONScanner, size: Int)] = []
        try beginObject()
        var first = true
        while let key = try nextKey(first: &first) {
            let value = self
            try skipValue()
            members.append((string(of: key), value, index - value.index))
        }
        let values = try Self.readSideBySide(members.map(\.value), sizes: members.map(\.size), threads: threads, body)
        var map: [String: T] = [:]
        map.reserveCapacity(members.count)
        for (member, value) in zip(members, values) { map[member.name] = value }
        return map
    }

    /// `body` applied to each scanner (each at the start of a value of about `sizes` bytes), on
    /// `threads` threads at once, the results in the scanners' order; the error of the first
    /// scanner (in that order) whose value cannot be read, as reading them in turn would throw.
    private static func readSideBySide<T: Sendable>(_ scanners: [JSONScanner], sizes: [Int], threads: Int,
                                                    _ body: @Sendable (inout JSONScanner) throws -> T) throws -> [T] {
        let slices = Self.slices(of: sizes, count: threads)
        // The scanners only read the body, which outlives this call; no thread writes to it.
        nonisolated(unsafe) let values = scanners
        var results = [Result<T, any Error>?](repeating: nil, count: scanners.count)
        results.withUnsafeMutableBufferPointer { results in
            // Each slice's results are written by its own thread only, at its own places.
            nonisolated(unsafe) let shared = results
            DispatchQueue.concurrentPerform(iterations: slices.count) { slice in
                for place in slices[slice] {
                    var scanner = values[place]
                    shared[place] = Result { try body(&scanner) }
                }
            }
        }
        // Every place lies in exactly one slice, so every result is there.
        return try results.map { try $0!.get() }
    }

    /// `sizes` cut into at most `count` runs of neighbouring places, of about equal total size.
    static func slices(of sizes: [Int], count: Int) -> [Range<Int>] {
        let total = sizes.reduce(0, +)
        let share = max(1, (total + count - 1) / count)
        var slices: [Range<Int>] = []
        var start = 0
        var filled = 0
        for (place, size) in sizes.enumerated() {
            filled += size
            if filled >= share * (slices.count + 1), slices.count < count - 1 {
                slices.append(start..<(place + 1))
                start = place + 1
            }
        }
        if start < sizes.count { slices.append(start..<sizes.count) }
        return slices
    }
}
