// Megolm specification, "The Megolm ratchet algorithm" and "Advancing the ratchet": the
// four-part ratchet R(i) = (R_i0, R_i1, R_i2, R_i3) and its advance rules.

import Crypto

/// The Megolm ratchet at one message index; value semantics, so a copy can run ahead.
struct MegolmRatchet: Sendable {
    /// Four 32-byte parts; 128 bytes in all.
    static let byteCount = 128
    private(set) var parts: [SymmetricKey]
    private(set) var index: UInt32

    init(bytes: some Collection<UInt8>, index: UInt32) throws(CryptoError) {
        let all = Array(bytes)
        guard all.count == MegolmRatchet.byteCount else { throw .malformed("ratchet is not 128 bytes") }
        parts = (0..<4).map { SymmetricKey(data: all[($0 * 32)..<($0 * 32 + 32)]) }
        self.index = index
    }

    /// A fresh ratchet at index 0 with random parts.
    static func random() -> MegolmRatchet {
        var ratchet = try! MegolmRatchet(bytes: [UInt8](repeating: 0, count: byteCount), index: 0)
        ratchet.parts = (0..<4).map { _ in SymmetricKey(size: .bits256) }
        return ratchet
    }

    /// R_i0 || R_i1 || R_i2 || R_i3, for key derivation and export.
    var bytes: [UInt8] {
        parts.flatMap { part in part.withUnsafeBytes { Array($0) } }
    }

    /// H_j(part): HMAC-SHA256 keyed with the part, over the single byte j.
    private static func hash(_ part: SymmetricKey, _ j: Int) -> SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: [UInt8(j)], using: part))
    }

    /// Sets R_j..R_3 from R_from; R_from itself last, as the others are derived from its old value.
    private mutating func rehash(from: Int) {
        let source = parts[from]
        for j in stride(from: 3, through: from, by: -1) { parts[j] = MegolmRatchet.hash(source, j) }
    }

    /// One step: i+1. Part k is re-derived when i+1 is a multiple of 2^(8*(3-k)).
    mutating func advance() {
        index &+= 1
        var from = 0
        var mask: UInt32 = 0x00FF_FFFF
        while from < 3, index & mask != 0 {
            from += 1
            mask >>= 8
        }
        rehash(from: from)
    }

    /// Jumps to `target` with at most 4 × 256 hashes, not one per step. Indexes are taken
    /// modulo 2^32, as libolm and vodozemac do: a target below the index means a wrap-around.
    mutating func advance(to target: UInt32) {
        for part in 0..<4 {
            let shift = UInt32((3 - part) * 8)
            var steps = Int(((target >> shift) &- (index >> shift)) & 0xFF)
            if steps == 0 {
                // Equal top bytes but a smaller target: a full cycle of R_0.
                guard part == 0, target < index else { continue }
                steps = 0x100
            }
            // All but the last step only move R_part; R_part+1..R_3 are rebuilt on the last one.
            for _ in 1..<steps { parts[part] = MegolmRatchet.hash(parts[part], part) }
            rehash(from: part)
            index = target & (UInt32.max << shift)
        }
        index = target
    }
}
