import Foundation
import MatrixClient
import Testing

@Suite struct SyncDecoding {
    static let body = #"""
    {"next_batch":"s9","account_data":{"events":[]},
     "rooms":{
       "join":{"!a:hs":{"timeline":{"limited":true,"prev_batch":"p1","events":[
          {"type":"m.room.message","sender":"@s:hs","event_id":"$1","origin_server_ts":10,"content":{"msgtype":"m.text","body":"!help"}},
          {"type":"m.room.redaction","sender":"@s:hs","event_id":"$2","origin_server_ts":11,"content":{"redacts":"$1"},"redacts":"$1"},
          {"type":"m.room.message","sender":"@s:hs","event_id":"$3","origin_server_ts":12,"content":{},"unsigned":{"redacted_because":{}}},
          {"type":"m.room.member","sender":"@bot:hs","state_key":"@bot:hs","event_id":"$4","origin_server_ts":13,"content":{"membership":"join"}}
       ]},"state":{"events":[]},"ephemeral":{"events":[]}}},
       "invite":{"!b:hs":{"invite_state":{"events":[
          {"type":"m.room.name","sender":"@sup:hs","state_key":"","content":{"name":"Ward 3"}},
          {"type":"m.room.member","sender":"@sup:hs","state_key":"@bot:hs","content":{"membership":"invite","is_direct":true}}
       ]}}},
       "leave":{"!c:hs":{"timeline":{"events":[]}}}
     }}
    """#

    @Test func readsJoinedInvitedAndLeftRooms() throws {
        let sync = try MatrixClient.decodeSync(Data(Self.body.utf8))
        #expect(sync.nextBatch == "s9")
        let room = try #require(sync.rooms.join["!a:hs"])
        #expect(room.timeline.limited)
        #expect(room.timeline.prevBatch == "p1")
        #expect(room.timeline.events.map(\.eventID) == ["$1", "$2", "$3", "$4"])
        #expect(room.timeline.events[1].redactedEventID == "$1")
        #expect(room.timeline.events[2].isRedacted)
        #expect(!room.timeline.events[0].isRedacted)
        #expect(room.timeline.events[3].stateKey == "@bot:hs")
        let invite = try #require(sync.rooms.invite["!b:hs"]?.invite(of: "@bot:hs"))
        #expect(invite.sender == "@sup:hs")
        #expect(invite.content["is_direct"] == true)
        #expect(sync.rooms.leave.keys.contains("!c:hs"))
    }

    @Test func anEmptySyncDecodes() throws {
        let sync = try MatrixClient.decodeSync(Data(#"{"next_batch":"x"}"#.utf8))
        #expect(sync.rooms.join.isEmpty)
    }

    @Test func garbageIsAnInvalidResponse() {
        #expect(throws: MatrixClientError.self) { try MatrixClient.decodeSync(Data("not json".utf8)) }
    }

    @Test func contentWithFloatsAndNestingRoundTrips() throws {
        let text = #"{"a":[1,2.5,"x",null,true],"b":{"c":"æøå"}}"#
        let value = try #require(JSONValue.parse(text))
        #expect(value["b"]?["c"]?.stringValue == "æøå")
        #expect(JSONValue.parse(value.jsonString()) == value)
    }
}
