import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing

@testable import PeerBot

@Suite struct RoomUpgradeTests {
    static let newRoom = "!new:hs"

    func tombstone(_ driver: inout RoomDriver, from sender: String = RoomDriver.sup,
                   to replacement: String = newRoom) -> ClientEvent {
        driver.builder.event("m.room.tombstone", sender: sender, ts: Int64(Date().timeIntervalSince1970 * 1000),
                             content: ["replacement_room": .string(replacement), "body": "This room has been replaced"],
                             stateKey: "")
    }

    func joins(_ driver: RoomDriver) throws -> [String] {
        try driver.actions().compactMap { if case .join(let roomID) = $0 { roomID } else { nil } }
    }

    @Test func aSupervisorsUpgradeMovesTheSupervisorRoomAndHelpIsAnsweredThere() throws {
        var driver = RoomDriver()
        try driver.deliver([tombstone(&driver)], in: RoomDriver.room)
        #expect(try joins(driver) == [Self.newRoom])
        let moved = try #require(try driver.database.read { try $0.rooms.supervisor() })
        #expect(moved.roomID == Self.newRoom)
        #expect(moved.language == "en")
        #expect(try driver.database.read { try $0.rooms.find(id: RoomDriver.room) } == nil)
        #expect(try driver.database.read { try $0.rooms.replacement(ofRoom: RoomDriver.room) } == Self.newRoom)
        // The old room is no longer answered; the new one is, once the bot has joined it.
        #expect(try driver.say("!help") == nil)
        let join = driver.builder.event("m.room.member", sender: RoomDriver.bot, ts: Int64(Date().timeIntervalSince1970 * 1000),
                                        content: ["membership": "join"], stateKey: RoomDriver.bot)
        try driver.deliver([join], in: Self.newRoom)
        let help = try #require(try driver.say("!help", in: Self.newRoom))
        #expect(help["msgtype"] == "m.notice")
        #expect(help["body"]?.stringValue?.isEmpty == false)
    }

    @Test func aStudentsTombstoneIsIgnored() throws {
        var driver = RoomDriver()
        try driver.deliver([tombstone(&driver, from: "@anna:hs")], in: RoomDriver.room)
        #expect(try joins(driver).isEmpty)
        #expect(try driver.database.read { try $0.rooms.supervisor()?.roomID } == RoomDriver.room)
        #expect(try driver.say("!help") != nil)
    }

    @Test func aReplayedTombstoneJoinsOnce() throws {
        var driver = RoomDriver()
        let event = tombstone(&driver)
        try driver.deliver([event], in: RoomDriver.room)
        try driver.deliver([event], in: RoomDriver.room)
        try driver.deliver([event, event], in: RoomDriver.room)
        #expect(try joins(driver) == [Self.newRoom])
    }

    @Test func aDirectRoomKeepsItsOwnerInTheNewRoom() throws {
        var driver = RoomDriver()
        let direct = RoomRecord(roomID: "!dm:hs", kind: .direct, language: "da", userID: "@anna:hs", joinedAt: Date(timeIntervalSince1970: 1))
        try driver.database.write { try $0.rooms.upsert(direct) }
        try driver.deliver([tombstone(&driver)], in: "!dm:hs")
        let moved = try #require(try driver.database.read { try $0.rooms.direct(userID: "@anna:hs") })
        #expect(moved.roomID == Self.newRoom)
        #expect(moved.language == "da")
        #expect(moved.joinedAt == nil)
    }

    @Test func aGroupRoomKeepsItsGroupInTheNewRoom() throws {
        var driver = RoomDriver()
        let groupID = try driver.database.write { writer -> Int64 in
            let group = try #require(try writer.groups.create([(name: "A", members: [])], at: Date()).first)
            try writer.groups.setRoom(groupID: group.id, roomID: "!group:hs")
            try writer.rooms.upsert(RoomRecord(roomID: "!group:hs", kind: .group, groupName: "A", joinedAt: Date(timeIntervalSince1970: 1)))
            return group.id
        }
        try driver.deliver([tombstone(&driver)], in: "!group:hs")
        #expect(try driver.database.read { try $0.groups.find(id: groupID)?.roomID } == Self.newRoom)
        #expect(try driver.database.read { try $0.rooms.find(id: Self.newRoom)?.groupName } == "A")
        #expect(try driver.database.read { try $0.groups.find(forRoom: "!group:hs") } == nil)
    }

    @Test func anInviteToTheNewRoomInTheSameBatchGivesWayAndJoinsOnce() throws {
        var driver = RoomDriver()
        let invite = InvitedRoom(events: [StrippedStateEvent(type: "m.room.member", sender: RoomDriver.sup, stateKey: RoomDriver.bot,
                                                             content: ["membership": "invite"])])
        let sync = SyncBuilder.batch("s-invite", join: [RoomDriver.room: [tombstone(&driver)]], invite: [Self.newRoom: invite])
        try BatchIngestor(database: driver.database).ingest(sync, firstSync: false, config: driver.config)
        #expect(try joins(driver) == [Self.newRoom])
        #expect(try driver.database.read { try $0.rooms.find(id: Self.newRoom)?.kind } == .supervisor)
    }

    @Test func aTombstoneIntoAnotherManagedRoomChangesNothing() throws {
        var driver = RoomDriver()
        let group = RoomRecord(roomID: "!group:hs", kind: .group, groupName: "A", joinedAt: Date(timeIntervalSince1970: 1))
        try driver.database.write { try $0.rooms.upsert(group) }
        try driver.deliver([tombstone(&driver, to: "!group:hs")], in: RoomDriver.room)
        #expect(try joins(driver).isEmpty)
        #expect(try driver.database.read { try $0.rooms.supervisor()?.roomID } == RoomDriver.room)
        #expect(try driver.database.read { try $0.rooms.find(id: "!group:hs")?.kind } == .group)
    }

    @Test(arguments: [nil, "", "!", "not-a-room", "!same", "!a b"])
    func aMalformedReplacementIsIgnored(_ replacement: String?) {
        let decision = RoomUpgrade.decide(roomID: "!same", sender: "@sup:hs", replacementRoomID: replacement,
                                          supervisors: ["@sup:hs"], botUserID: "@bot:hs")
        if case .follow = decision { Issue.record("followed \(String(describing: replacement))") }
    }
}
