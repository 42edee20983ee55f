import Foundation
import MatrixClient
@testable import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Students who accept a group room's invite before the bot has recorded the room still count
/// as joined, so the join-grace check never reports them.
@Suite struct EarlyJoins {
    let fixture = OutboxFixture()

    func makeGroup() throws -> StudyGroupRecord {
        try fixture.database.write { writer in
            for (id, name) in [("@anna:hs", "Anna"), ("@bo:hs", "Bo"), ("@cai:hs", "Cai")] {
                try writer.roster.upsert(userID: id, name: name, attributes: [:], at: Date())
            }
            return try writer.groups.create([("A", ["@anna:hs", "@bo:hs", "@cai:hs"])], at: Date())[0]
        }
    }

    func joined(_ group: StudyGroupRecord) throws -> [String] {
        try fixture.database.read { try $0.groups.members(ofGroup: group.id) }.filter { $0.joinedRoomAt != nil }.map(\.userID).sorted()
    }

    @Test func aStudentInTheRoomWhenItIsRecordedCountsAsJoined() async throws {
        let group = try makeGroup()
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom", #"{"room_id":"!g:hs"}"#)
        // Anna accepted at once; Bo is invited; an outsider's join is no member's.
        fixture.homeserver.on("GET /_matrix/client/v3/rooms/!g:hs/members", #"""
            {"chunk":[
              {"type":"m.room.member","state_key":"@peerbot:hs","content":{"membership":"join"}},
              {"type":"m.room.member","state_key":"@anna:hs","content":{"membership":"join"}},
              {"type":"m.room.member","state_key":"@bo:hs","content":{"membership":"invite"}},
              {"type":"m.room.member","state_key":"@eve:hs","content":{"membership":"join"}}
            ]}
            """#)
        let create = try fixture.enqueue(.createRoom(ref: RoomRef.group(group.id).string, requestJSON: "{}"))
        try await fixture.drain()
        #expect(try fixture.item(create.id)?.state == .sent)
        #expect(try joined(group) == ["@anna:hs"])
    }

    @Test func anUnreadableMemberListLeavesTheRoomMadeAndRecorded() async throws {
        let group = try makeGroup()
        fixture.homeserver.on("POST /_matrix/client/v3/createRoom", #"{"room_id":"!g:hs"}"#)
        fixture.homeserver.on("GET /_matrix/client/v3/rooms/!g:hs/members", status: 500, #"{"errcode":"M_UNKNOWN"}"#)
        let create = try fixture.enqueue(.createRoom(ref: RoomRef.group(group.id).string, requestJSON: "{}"))
        try await fixture.drain()
        #expect(try fixture.item(create.id)?.state == .sent)
        #expect(try fixture.database.read { try $0.groups.find(id: group.id)?.roomID } == "!g:hs")
        #expect(try joined(group).isEmpty)
    }
}
