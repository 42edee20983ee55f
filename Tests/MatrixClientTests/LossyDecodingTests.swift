import Foundation
import MatrixClient
import Testing

/// One malformed event must not make the whole `/sync` answer unreadable: it would be fetched
/// with the same token again and again.
@Suite struct LossyDecoding {
    static let body = #"""
    {"next_batch":"s2","rooms":{"join":{"!a:hs":{"timeline":{"events":[
       {"type":"m.room.message","event_id":"$nosender","origin_server_ts":1,"content":{}},
       {"type":"m.room.message","sender":7,"event_id":"$badsender","content":{}},
       "not an event", 42, null, [1, 2],
       {"type":"m.room.message","sender":"@s:hs","event_id":"$float","origin_server_ts":1.5e30,"content":{"body":"x"}},
       {"type":"m.room.message","sender":"@s:hs","event_id":"$good","origin_server_ts":5,"content":{"msgtype":"m.text","body":"!help"}}
    ]},"state":{"events":[{"nonsense":true}]}}},
    "invite":{"!b:hs":{"invite_state":{"events":[17,
       {"type":"m.room.member","sender":"@sup:hs","state_key":"@bot:hs","content":{"membership":"invite"}}]}}}}}
    """#

    @Test func malformedEventsAreLeftOutAndTheRestIsRead() throws {
        let sync = try MatrixClient.decodeSync(Data(Self.body.utf8))
        #expect(sync.nextBatch == "s2")
        let events = try #require(sync.rooms.join["!a:hs"]).timeline.events
        #expect(events.map(\.eventID) == ["$float", "$good"])
        #expect(events.first?.originServerTS == 0)
        #expect(sync.rooms.invite["!b:hs"]?.events.count == 1)
    }
}
