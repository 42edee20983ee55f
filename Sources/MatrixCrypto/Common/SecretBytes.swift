// Matrix spec "End-to-End Encryption", and the Olm and Megolm specifications' key material:
// a buffer for secret bytes that is zeroed when released, never printed.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Secret key material, zeroed when the last reference goes; `description` hides the content.
public final class SecretBytes: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    // Immutable after init; @unchecked because the buffer is a raw pointer.
    private let buffer: UnsafeMutableRawBufferPointer

    /// Copies `bytes` into a fresh buffer.
    public init(_ bytes: some Collection<UInt8>) {
        buffer = .allocate(byteCount: max(bytes.count, 1), alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        _ = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]).initializeMemory(
            as: UInt8.self, from: bytes)
        count = bytes.count
    }

    /// Takes the bytes of `array` and overwrites the array with zeros.
    public convenience init(consuming array: inout [UInt8]) {
        self.init(array)
        array.withUnsafeMutableBytes { zeroize($0) }
    }

    /// The number of secret bytes.
    public let count: Int

    /// Calls `body` with the secret bytes; the pointer must not escape.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// A copy as an array, for APIs that need one; the caller keeps it short-lived.
    var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    public var description: String { "SecretBytes(\(count) bytes)" }
    public var debugDescription: String { description }

    deinit {
        zeroize(buffer)
        buffer.deallocate()
    }
}

/// Overwrites `memory` with zeros in a way the optimiser may not remove.
func zeroize(_ memory: UnsafeMutableRawBufferPointer) {
    guard let base = memory.baseAddress, memory.count > 0 else { return }
    #if canImport(Glibc)
    explicit_bzero(base, memory.count)
    #elseif canImport(Darwin)
    _ = memset_s(base, memory.count, 0, memory.count)
    #else
    memory.initializeMemory(as: UInt8.self, repeating: 0)
    #endif
}
