import Foundation

/// The latency benchmark's figures, in milliseconds.
struct LatencyReport: Encodable {
    let homeserver: String
    let bot: String
    let roomID: String
    let warmup: Int
    let plainMs: [Double]
    let botMs: [Double]
    /// The encrypted room and its `!help` round trips; nil and empty without `--encrypted`.
    let encryptedRoomID: String?
    let encryptedMs: [Double]
    let syncErrors: Int
    /// Encrypted events the student's device never got a key for.
    let undecryptable: Int
    /// Issue 15's target: an encrypted reply's p50 within this of the plain reply's p50.
    static let encryptedAllowanceMs = 5.0

    var plainP50: Double { Figures.percentile(50, of: plainMs) }
    var plainP95: Double { Figures.percentile(95, of: plainMs) }
    var botP50: Double { Figures.percentile(50, of: botMs) }
    var botP95: Double { Figures.percentile(95, of: botMs) }
    /// A reply needs two hops (command to bot, reply to student): twice one plain message.
    var floorP50: Double { Figures.percentile(50, of: plainMs.map { 2 * $0 }) }
    var floorP95: Double { Figures.percentile(95, of: plainMs.map { 2 * $0 }) }
    var overheadP50: Double { botP50 - floorP50 }
    var encryptedP50: Double { Figures.percentile(50, of: encryptedMs) }
    var encryptedP95: Double { Figures.percentile(95, of: encryptedMs) }
    var encryptionCostP50: Double { encryptedP50 - botP50 }
    var encryptedTargetMet: Bool { !encryptedMs.isEmpty && encryptionCostP50 <= Self.encryptedAllowanceMs }

    enum CodingKeys: String, CodingKey {
        case homeserver, bot, roomID = "room_id", rounds, warmup, syncErrors = "sync_errors"
        case plainMs = "plain_ms", botMs = "bot_ms", plainP50 = "plain_p50_ms", plainP95 = "plain_p95_ms"
        case floorP50 = "floor_p50_ms", floorP95 = "floor_p95_ms", botP50 = "bot_p50_ms", botP95 = "bot_p95_ms"
        case overheadP50 = "bot_p50_minus_floor_p50_ms"
        case encryptedRoomID = "encrypted_room_id", encryptedMs = "encrypted_ms", encryptedP50 = "encrypted_p50_ms"
        case encryptedP95 = "encrypted_p95_ms", encryptionCostP50 = "encrypted_p50_minus_bot_p50_ms"
        case encryptedTargetMet = "encrypted_target_met", undecryptable
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
        for (key, value) in [(CodingKeys.plainP50, plainP50), (.plainP95, plainP95), (.floorP50, floorP50),
                             (.floorP95, floorP95), (.botP50, botP50), (.botP95, botP95), (.overheadP50, overheadP50)] {
            try c.encode(Figures.rounded(value), forKey: key)
        }
        guard let encryptedRoomID else { return }
        try c.encode(encryptedRoomID, forKey: .encryptedRoomID)
        try c.encode(encryptedMs.map { Figures.rounded($0) }, forKey: .encryptedMs)
        for (key, value) in [(CodingKeys.encryptedP50, encryptedP50), (.encryptedP95, encryptedP95), (.encryptionCostP50, encryptionCostP50)] {
            try c.encode(Figures.rounded(value), forKey: key)
        }
        try c.encode(encryptedTargetMet, forKey: .encryptedTargetMet)
        try c.encode(undecryptable, forKey: .undecryptable)
    }

    func printSummary() {
        func ms(_ value: Double) -> String { Figures.format(value).leftPadded(to: 7) + " ms" }
        print("latency: \(homeserver), bot \(bot), \(botMs.count) rounds (+\(warmup) warm-up), room \(roomID)")
        print("  plain message (send → student's sync)   p50 \(ms(plainP50))   p95 \(ms(plainP95))")
        print("  floor = 2 × plain message               p50 \(ms(floorP50))   p95 \(ms(floorP95))")
        print("  bot reply (!help → reply in sync)       p50 \(ms(botP50))   p95 \(ms(botP95))")
        print("  bot p50 − floor p50                     \(ms(overheadP50))")
        if let encryptedRoomID {
            print("  encrypted bot reply (room \(encryptedRoomID))")
            print("    !help → reply, both encrypted         p50 \(ms(encryptedP50))   p95 \(ms(encryptedP95))")
            print("    encrypted p50 − bot p50               \(ms(encryptionCostP50))")
            print("    target: within \(Figures.format(Self.encryptedAllowanceMs)) ms of the plain reply's p50: \(encryptedTargetMet ? "met" : "not met")")
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
