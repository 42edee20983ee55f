import Foundation
@testable import MatrixClient
import Testing

/// The fast `/sync` reader gives what `JSONDecoder` with the `Decodable` conformances gives,
/// on ordinary, odd and malformed bodies, and refuses the bodies it refuses.
@Suite struct SyncScanning {
    static let bodies: [String] = [
        #"{"next_batch":"s1"}"#,
        #"{"next_batch":"s1","rooms":null}"#,
        #"{"next_batch":"s1","rooms":{"join":null,"invite":null,"leave":null}}"#,
        #"""
        {"next_batch":"s2","rooms":{"join":{"!a:hs":{"timeline":{"limited":true,"prev_batch":"p1","events":[
          {"type":"m.room.message","sender":"@s:hs","event_id":"$1","origin_server_ts":17,
           "content":{"msgtype":"m.text","body":"l\u00e6rte \"citat\" \ud83d\ude00 \n tab\t","n":-3,"f":2.5,"e":1e3,"z":null,"t":[true,false,{}]},
           "unsigned":{"age":1234,"transaction_id":"x"},"room_id":"!a:hs"},
          {"type":"m.room.member","sender":"@s:hs","event_id":"$2","state_key":"@s:hs","content":null,"unsigned":null},
          {"type":"m.room.redaction","sender":"@s:hs","event_id":"$3","redacts":"$1","content":{}},
          {"type":"m.room.member","sender":"@s:hs","event_id":"$badkey","state_key":5,"content":{}},
          {"type":"m.room.message","sender":"@s:hs","event_id":"$bigts","origin_server_ts":99999999999999999999,"content":{}},
          {"type":"m.room.message","sender":"@s:hs","event_id":"$neg","origin_server_ts":-5,"content":{"big":-9223372036854775808}},
          {"type":"m.room.message","sender":"@s:hs","event_id":"$strts","origin_server_ts":"17"},
          {"type":null,"sender":"@s:hs","event_id":"$nulltype"},
          {}, "x", 1, null, []
        ]},"state":{"events":[{"type":"m.room.name","sender":"@s:hs","event_id":"$n","state_key":"","content":{"name":"R"}}]}},
        "!b:hs":{},"!c:hs":{"timeline":null,"state":{}}},
        "invite":{"!i:hs":{"invite_state":{"events":[17,{"type":"m.room.member","sender":"@sup:hs","state_key":"@bot:hs","content":{"membership":"invite"}},
          {"type":"m.room.member","sender":"@sup:hs","content":{}}]}},"!j:hs":{}},
        "leave":{"!l:hs":{"timeline":{"events":[{"type":"m.room.member","sender":"@k:hs","event_id":"$k","state_key":"@bot:hs","content":{"membership":"leave"}}]}},
          "!m:hs":{"timeline":{"limited":"yes","events":[]}},"!n:hs":{"timeline":7}}},
        "to_device":{"events":[{"type":"m.room_key","sender":"@s:hs","content":{"k":1}},{"type":3}]},
        "device_lists":{"changed":["@a:hs",4],"left":"@b:hs"},
        "device_one_time_keys_count":{"signed_curve25519":50,"x":"y"},
        "device_unused_fallback_key_types":["signed_curve25519"],
        "account_data":{"events":[]}}
        """#,
        #"{"next_batch":"s4","rooms":{"join":{"!a:hs":{"timeline":{"events":[{"type":"t","sender":"@s:hs","event_id":"$t","content":{"a":[1,2,],"n":2.0},},],},},},}}"#,
        #"{"next_batch":"s3","device_lists":null,"to_device":[1],"rooms":{"join":{"!a:hs":{"timeline":{"events":[]}}}}}"#,
    ]

    /// Bodies both readers must refuse: bad syntax, or a member of the wrong type outside an event.
    static let refused: [String] = [
        "", "[]", "{", #"{"rooms":{}}"#, #"{"next_batch":5}"#, #"{"next_batch":"s"} x"#,
        #"{"next_batch":"s","rooms":{"join":{"!a:hs":{"timeline":{"limited":"yes"}}}}}"#,
        #"{"next_batch":"s","rooms":{"join":{"!a:hs":{"timeline":{"events":{}}}}}}"#,
        #"{"next_batch":"s","rooms":{"join":{"!a:hs":{"state":null}}}}"#,
        #"{"next_batch":"s","rooms":{"join":{"!a:hs":null}}}"#,
        #"{"next_batch":"s","rooms":{"invite":{"!a:hs":{"invite_state":null}}}}"#,
        #"{"next_batch":"s","rooms":[]}"#,
        String(repeating: "[", count: 600),
    ]

    @Test(arguments: bodies) func readsLikeJSONDecoder(_ body: String) throws {
        let fast = try MatrixClient.decodeSync(Data(body.utf8))
        let reference = try JSONDecoder().decode(SyncResponse.self, from: Data(body.utf8))
        #expect(Snapshot(fast) == Snapshot(reference))
    }

    @Test(arguments: refused) func refusesWhatJSONDecoderRefuses(_ body: String) {
        #expect((try? JSONDecoder().decode(SyncResponse.self, from: Data(body.utf8))) == nil)
        #expect(throws: MatrixClientError.self) { try MatrixClient.decodeSync(Data(body.utf8)) }
    }

    @Test func keepsTheGoodEventsAroundMalformedOnes() throws {
        let sync = try MatrixClient.decodeSync(Data(Self.bodies[3].utf8))
        let events = try #require(sync.rooms.join["!a:hs"]).timeline.events
        #expect(events.map(\.eventID) == ["$1", "$2", "$3", "$bigts", "$neg", "$strts"])
        #expect(events[0].content["body"]?.stringValue == "lærte \"citat\" 😀 \n tab\t")
        #expect(sync.rooms.leave["!l:hs"]?.timeline.events.count == 1)
        #expect(sync.rooms.leave["!m:hs"]?.timeline.events.isEmpty == true)
    }

    @Test func readsALargeSyncLikeJSONDecoder() throws {
        let body = Self.generatedSync(rooms: 20, eventsPerRoom: 50)
        let fast = try MatrixClient.decodeSync(body)
        let reference = try JSONDecoder().decode(SyncResponse.self, from: body)
        #expect(Snapshot(fast) == Snapshot(reference))
        #expect(fast.rooms.join.values.map(\.timeline.events.count).reduce(0, +) == 1000)
    }

    /// `body` with whitespace after it, so it is as large as a catch-up and its rooms are read
    /// side by side (`JSONScanner.sideBySideThreshold`).
    static func large(_ body: String) -> Data {
        Data((body + String(repeating: " ", count: JSONScanner.sideBySideThreshold)).utf8)
    }

    @Test(arguments: bodies) func readsTheSameWhenTheRoomsAreReadSideBySide(_ body: String) throws {
        let sideBySide = try MatrixClient.decodeSync(Self.large(body))
        #expect(Snapshot(sideBySide) == Snapshot(try MatrixClient.decodeSync(Data(body.utf8))))
        #expect(Snapshot(sideBySide) == Snapshot(try JSONDecoder().decode(SyncResponse.self, from: Self.large(body))))
    }

    @Test(arguments: refused) func refusesTheSameWhenTheRoomsAreReadSideBySide(_ body: String) {
        #expect(throws: MatrixClientError.self) { try MatrixClient.decodeSync(Self.large(body)) }
    }

    /// Read side by side, a sync still fails at the first room (in the body's order) that cannot
    /// be read, with the same error, and of two rooms under one id the later still stands.
    @Test func theFirstUnreadableRoomAndTheLaterOfTwoEqualIDsDecideAsOnOneThread() throws {
        let unreadable = #"{"next_batch":"s","rooms":{"join":{"!a:hs":{},"!b:hs":{"timeline":{"limited":"yes"}},"!c:hs":{"timeline":{"events":{}}}}}}"#
        let oneThread = String(describing: #expect(throws: MatrixClientError.self) { try MatrixClient.decodeSync(Data(unreadable.utf8)) })
        let sideBySide = String(describing: #expect(throws: MatrixClientError.self) { try MatrixClient.decodeSync(Self.large(unreadable)) })
        #expect(oneThread.contains("limited is not a boolean"))
        #expect(sideBySide == oneThread)

        let twice = #"{"next_batch":"s","rooms":{"join":{"!a:hs":{"timeline":{"prev_batch":"first"}},"!b:hs":{},"!a:hs":{"timeline":{"prev_batch":"second"}}}}}"#
        let read = try MatrixClient.decodeSync(Self.large(twice))
        #expect(read.rooms.join["!a:hs"]?.timeline.prevBatch == "second")
        #expect(Snapshot(read) == Snapshot(try MatrixClient.decodeSync(Data(twice.utf8))))
    }

    @Test func aCatchUpReadSideBySideHoldsEveryRoomAndEvent() throws {
        let body = Self.generatedSync(rooms: 41, eventsPerRoom: 60)
        #expect(body.count > JSONScanner.sideBySideThreshold)
        let fast = try MatrixClient.decodeSync(body)
        #expect(Snapshot(fast) == Snapshot(try JSONDecoder().decode(SyncResponse.self, from: body)))
        #expect(fast.rooms.join.count == 41)
        #expect(fast.rooms.join.values.map(\.timeline.events.count).reduce(0, +) == 41 * 60)
    }

    /// The values are cut into runs of neighbours of about equal size, each place in one run.
    @Test(arguments: [[], [5], [1, 1, 1, 1, 1], [100, 1, 1, 1], [1, 1, 1, 100], [0, 0, 0], [3, 9, 2, 7, 7, 1, 4]])
    func theRoomsAreCutIntoRunsThatCoverEachOnce(_ sizes: [Int]) {
        for threads in 1...4 {
            let slices = JSONScanner.slices(of: sizes, count: threads)
            #expect(slices.count <= threads)
            #expect(slices.flatMap { Array($0) } == Array(sizes.indices))
            #expect(slices.allSatisfy { !$0.isEmpty })
        }
        #expect(JSONScanner.slices(of: [10, 10, 10, 10], count: 2) == [0..<2, 2..<4])
    }

    static func generatedSync(rooms: Int, eventsPerRoom: Int) -> Data {
        var join: [String: JSONValue] = [:]
        for room in 0..<rooms {
            let events: [JSONValue] = (0..<eventsPerRoom).map { index in
                ["type": "m.room.message", "sender": .string("@s\(index % 7):example.org"), "event_id": .string("$e\(room)-\(index)"),
                 "origin_server_ts": .int(1_764_000_000_000 + Int64(index)),
                 "content": ["msgtype": "m.text", "body": .string(index % 10 == 0 ? "!reflect lærte \(index)" : "næste dosis \(index)")],
                 "unsigned": ["age": 1234]]
            }
            join["!room\(room):example.org"] = ["timeline": ["events": .array(events)]]
        }
        let sync: JSONValue = ["next_batch": "s9", "rooms": ["join": .object(join)]]
        return Data(sync.jsonString().utf8)
    }
}

/// Everything a sync answer holds, comparable.
private struct Snapshot: Equatable {
    struct Room: Equatable {
        let events: [ClientEvent]
        let limited: Bool
        let prevBatch: String?
        let state: [ClientEvent]
    }

    let nextBatch: String
    let join: [String: Room]
    let invite: [String: [StrippedStateEvent]]
    let leave: [String: [ClientEvent]]
    let encryption: SyncEncryption

    init(_ sync: SyncResponse) {
        nextBatch = sync.nextBatch
        join = sync.rooms.join.mapValues {
            Room(events: $0.timeline.events, limited: $0.timeline.limited, prevBatch: $0.timeline.prevBatch, state: $0.state)
        }
        invite = sync.rooms.invite.mapValues(\.events)
        leave = sync.rooms.leave.mapValues(\.timeline.events)
        encryption = sync.encryption
    }
}
