import Foundation

/// The latency benchmark's figures, in milliseconds. Each round measures a plain message right
/// before the command, so each reply is judged against the floor of its own round: the median of
/// those pairwise differences does not swing with the homeserver's pace from round to round.
struct LatencyReport: Encodable {
    let homeserver: String
    let bot: String
    let roomID: String
    let warmup: Int
    let plainMs: [Double]
    let botMs: [Double]
    /// The encrypted room, its ordinary messages and its `!help` round trips; nil and empty
    /// without `--encrypted`.
    let encryptedRoomID: String?
    let encryptedPlainMs: [Double]
    let encryptedMs: [Double]
    let syncErrors: Int
    /// Encrypted events the student's device never got a key for.
    let undecryptable: Int
    /// Issue 19's target: the reply's median pairwise difference to its floor at most this.
    static let overheadTargetMs = 3.0
    /// Issue 15's target: the encrypted reply's p50 at most this above the plain reply's p50.
    static let encryptionAllowanceMs = 5.0

    /// What encryption adds to a reply: encrypted `!help` p50 minus plain `!help` p50, same run.
    var encryptionCostP50: Double { Figures.percentile(50, of: encryptedMs) - Figures.percentile(50, of: botMs) }
    var encryptionCostMet: Bool { !encryptedMs.isEmpty && !botMs.isEmpty && encryptionCostP50 <= Self.encryptionAllowanceMs }

    /// The pairwise differences of one room and their summary.
    struct Overhead: Encodable {
        /// Per round: the reply minus twice that round's plain message (a reply is two hops).
        let differencesMs: [Double]
        var median: Double { Figures.median(differencesMs) }
        var p25: Double { Figures.percentile(25, of: differencesMs) }
        var p75: Double { Figures.percentile(75, of: differencesMs) }
        var met: Bool { !differencesMs.isEmpty && median <= LatencyReport.overheadTargetMs }

        init(reply: [Double], plain: [Double]) {
            differencesMs = zip(reply, plain).map { $0 - 2 * $1 }
        }

        enum CodingKeys: String, CodingKey {
            case differencesMs = "differences_ms", median = "median_ms", p25 = "p25_ms", p75 = "p75_ms", met = "target_met", target = "target_ms"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(differencesMs.map { Figures.rounded($0) }, forKey: .differencesMs)
            try c.encode(Figures.rounded(median), forKey: .median)
            try c.encode(Figures.rounded(p25), forKey: .p25)
            try c.encode(Figures.rounded(p75), forKey: .p75)
            try c.encode(LatencyReport.overheadTargetMs, forKey: .target)
            try c.encode(met, forKey: .met)
        }

        /// "+1.2 ms (IQR +0.4 … +2.9 ms)".
        var line: String {
            func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + Figures.format(value) }
            return "\(signed(median)) ms (IQR \(signed(p25)) … \(signed(p75)) ms)"
        }
    }

    var plainOverhead: Overhead { Overhead(reply: botMs, plain: plainMs) }
    var encryptedOverhead: Overhead { Overhead(reply: encryptedMs, plain: encryptedPlainMs) }

    enum CodingKeys: String, CodingKey {
        case homeserver, bot, roomID = "room_id", rounds, warmup, syncErrors = "sync_errors"
        case plainMs = "plain_ms", botMs = "bot_ms", plainOverhead = "bot_minus_floor"
        case encryptedRoomID = "encrypted_room_id", encryptedPlainMs = "encrypted_plain_ms", encryptedMs = "encrypted_ms"
        case encryptedOverhead = "encrypted_minus_floor", undecryptable
        case encryptionCost = "encrypted_p50_minus_plain_p50_ms", encryptionCostMet = "encryption_target_met"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(homeserver, forKey: .homeserver)
        try c.encode(bot, forKey: .bot)
        try c.encode(roomID, forKey: .roomID)
        try c.encode(botMs.count, forKey: .rounds)
        try c.encode(warmup, forKey: .warmup)
        try c.encode(syncErrors, forKey: .syncErrors)
        try c.encode(plainMs.map { Figures.rounded($0) }, forKey: .plainMs)
        try c.encode(botMs.map { Figures.rounded($0) }, forKey: .botMs)
        try c.encode(plainOverhead, forKey: .plainOverhead)
        guard let encryptedRoomID else { return }
        try c.encode(encryptedRoomID, forKey: .encryptedRoomID)
        try c.encode(encryptedPlainMs.map { Figures.rounded($0) }, forKey: .encryptedPlainMs)
        try c.encode(encryptedMs.map { Figures.rounded($0) }, forKey: .encryptedMs)
        try c.encode(encryptedOverhead, forKey: .encryptedOverhead)
        try c.encode(Figures.rounded(encryptionCostP50), forKey: .encryptionCost)
        try c.encode(encryptionCostMet, forKey: .encryptionCostMet)
        try c.encode(undecryptable, forKey: .undecryptable)
    }

    func printSummary() {
        func ms(_ values: [Double]) -> String {
            "p50 " + Figures.format(Figures.percentile(50, of: values)).leftPadded(to: 7) + " ms   p95 "
                + Figures.format(Figures.percentile(95, of: values)).leftPadded(to: 7) + " ms"
        }
        func verdict(_ overhead: Overhead) -> String {
            "target ≤ +\(Figures.format(Self.overheadTargetMs)) ms: \(overhead.met ? "met" : "not met")"
        }
        print("latency: \(homeserver), bot \(bot), \(botMs.count) rounds (+\(warmup) warm-up), room \(roomID)")
        print("  each round: a plain message, then !help; floor = 2 × that round's plain message")
        print("  plain message (send → student's sync)   \(ms(plainMs))")
        print("  bot reply (!help → reply in sync)       \(ms(botMs))")
        print("  bot reply − floor, per round: median \(plainOverhead.line); \(verdict(plainOverhead))")
        if let encryptedRoomID {
            print("  encrypted room \(encryptedRoomID): an encrypted message, then an encrypted !help, each round")
            print("    encrypted message                     \(ms(encryptedPlainMs))")
            print("    encrypted bot reply                   \(ms(encryptedMs))")
            print("    encrypted reply − floor, per round: median \(encryptedOverhead.line); \(verdict(encryptedOverhead))")
            let cost = (encryptionCostP50 >= 0 ? "+" : "") + Figures.format(encryptionCostP50)
            print("    encrypted reply p50 − plain reply p50: \(cost) ms; target ≤ +\(Figures.format(Self.encryptionAllowanceMs)) ms: "
                  + (encryptionCostMet ? "met" : "not met"))
            if undecryptable > 0 { print("  warning: \(undecryptable) encrypted event(s) never decrypted (no room key came)") }
        }
        if syncErrors > 0 { print("  warning: the student's /sync failed \(syncErrors) time(s) during the run") }
    }
}

/// Right-aligns figures in the human-readable tables.
extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
