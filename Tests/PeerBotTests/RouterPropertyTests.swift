import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// The domain's SplitMix64, so every run feeds the router the same events.
typealias TestRandom = SeededGenerator

extension SeededGenerator {
    init(state: UInt64) { self.init(seed: state) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Random and mutated events: wrong types, missing fields, huge and empty strings, odd Unicode,
/// relations to events nobody knows.
struct EventFuzzer {
    var random: TestRandom
    var serial = 0
    static let rooms = ["!groupA:hs", "!dmAnna:hs", RoomDriver.room, "!unknown:hs"]
    static let senders = ["@anna:hs", "@bo:hs", "@cecilie:hs", "@david:hs", RoomDriver.sup, RoomDriver.bot, "@stranger:hs", "", "not-a-user"]
    static let bodies = [
        "!help", "!reflect ", "!reflect x", "!task add ", "!task add \(String(repeating: "t", count: 600))", "!question ", "!question ?",
        "!session plan A +1h 9223372036854775807s x", "!session plan A +1h 1h x", "!session goal #1 ", "!tasks", "!status", "!sessions",
        "!evaluer A", "!student add @zed:hs \"\"", "!student remove @bo:hs", "!language en", "!feedback @bo:hs ", "!absent #99999999",
        "4 4 4 4 4", "5 5 5 5 5 \u{200B}", "4 4 4 4 4 4", "", " ", "\n\n", "\u{200B}\u{FEFF}", "> <@bot:hs> quoted\n\n", "> only quote",
        "e\u{301}\u{301}\u{301}", "👩‍👩‍👧‍👦", "\u{202E}reversed", "\u{0000}nul", String(repeating: "x", count: 70_000), "🙂 !help",
    ]

    mutating func json(depth: Int = 0) -> JSONValue {
        switch random.below(depth > 2 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.chance(50))
        case 2: return .int(random.pick([0, -1, 1, .max, .min, 1_700_000_000_000]))
        case 3: return .double(random.pick([0.5, -1e300, .infinity.nextDown]))
        case 4: return .string(random.pick(Self.bodies))
        case 5: return .array((0..<random.below(3)).map { _ in json(depth: depth + 1) })
        default: return .object(Dictionary((0..<random.below(4)).map { _ in (random.pick(Self.keys), json(depth: depth + 1)) }) { a, _ in a })
        }
    }

    static let keys = ["body", "msgtype", "m.relates_to", "rel_type", "event_id", "key", "url", "info", "size", "mimetype",
                       "filename", "m.new_content", "membership", "m.in_reply_to", "redacts"]

    mutating func relation() -> JSONValue {
        let target: JSONValue = random.pick(["$prompt", "$nobody", "", .int(3), "$e1"])
        switch random.below(5) {
        case 0: return ["rel_type": "m.thread", "event_id": target]
        case 1: return ["rel_type": "m.replace", "event_id": target]
        case 2: return ["rel_type": "m.annotation", "event_id": target, "key": random.pick(["✅", "👍", "", .int(1)])]
        case 3: return ["m.in_reply_to": ["event_id": target]]
        default: return json()
        }
    }

    mutating func content() -> JSONValue {
        if random.chance(10) { return json() }
        var fields: [String: JSONValue] = [:]
        if random.chance(90) { fields["msgtype"] = random.pick(["m.text", "m.text", "m.text", "m.file", "m.notice", "", .int(1)]) }
        if random.chance(90) { fields["body"] = random.chance(85) ? .string(random.pick(Self.bodies)) : json() }
        if random.chance(40) { fields["m.relates_to"] = relation() }
        if random.chance(15) { fields["url"] = random.pick(["mxc://hs/abc", "mxc://hs", "mxc://", "http://x", .int(7)]) }
        if random.chance(15) { fields["info"] = ["mimetype": random.pick(["text/csv", .null]), "size": random.pick([.int(-5), .int(.max), "big", .int(10)])] }
        if random.chance(10) { fields["m.new_content"] = ["body": random.pick(["", " ", "new text", .int(2)])] }
        if random.chance(10) { fields["membership"] = random.pick(["join", "leave", .int(0)]) }
        if random.chance(5) { fields["redacts"] = random.pick(["$e1", "$nobody", .int(1)]) }
        return .object(fields)
    }

    mutating func event() -> ClientEvent {
        serial += 1
        let type = random.pick(["m.room.message", "m.room.message", "m.room.message", "m.reaction", "m.room.redaction", "m.room.member", "x.odd", ""])
        let id = random.chance(3) ? random.pick(["", "$e1", "$prompt"]) : "$fuzz\(serial)"
        let ts: Int64 = random.chance(10) ? random.pick([0, -1, .max, .min]) : Int64(Date().timeIntervalSince1970 * 1000) + Int64(random.below(200_000_000)) - 100_000_000
        let stateKey: String? = type == "m.room.member" ? random.pick(Self.senders) : nil
        return ClientEvent(type: type, sender: random.pick(Self.senders), eventID: id, originServerTS: ts, content: content(), stateKey: stateKey)
    }
}

@Suite struct RouterProperty {
    // A hang or a runaway batch still fails the test, but with room for a machine whose cores
    // are busy with other tests: the time the run takes is not what this test proves.
    @Test(.timeLimit(.minutes(10))) func everyBatchCommitsAdvancesTheTokenAndAnswersTheHelpAtItsEnd() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        _ = try driver.say("!evaluer A")
        var fuzzer = EventFuzzer(random: TestRandom(state: 0x5EED))
        var events = 0
        for batch in 1...100 {
            var rooms: [String: [ClientEvent]] = [:]
            for _ in 0..<(20 + fuzzer.random.below(40)) { rooms[fuzzer.random.pick(EventFuzzer.rooms), default: []].append(fuzzer.event()) }
            events += rooms.values.map(\.count).reduce(0, +)
            let help = ClientEvent(type: "m.room.message", sender: RoomDriver.sup, eventID: "$help\(batch)",
                                   originServerTS: Int64(Date().timeIntervalSince1970 * 1000) + 1_000_000,
                                   content: ["msgtype": "m.text", "body": "!help"])
            rooms[RoomDriver.room, default: []].append(help)
            let token = "fuzz\(batch)"
            try BatchIngestor(database: driver.database).ingest(SyncBuilder.batch(token, join: rooms), firstSync: false, config: driver.config)
            #expect(try driver.database.read { try $0.sync.token() } == token)
            let answered = try driver.contents(in: RoomDriver.room).contains {
                $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == help.eventID && $0["peerbot.kind"] == "help"
            }
            #expect(answered, "batch \(batch)")
            driver.batch = batch
        }
        #expect(events > 3_000)
    }
}
