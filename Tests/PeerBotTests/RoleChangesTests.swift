import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct RoleChanges {
    /// Group A's round closed with Anna rated highest, as in `AssessmentFlow`.
    func closedRound() throws -> (RoomDriver, AssessmentRoundRecord) {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!evaluer A")
        for name in ["anna", "bo", "cecilie"] {
            for _ in 0..<3 {
                let subject = try #require(try AssessmentFlow().requests(driver, to: name).last?["peerbot.subject"]?.stringValue)
                _ = try driver.say(subject == "@anna:hs" ? "5 5 5 5 5 fin leder" : "3 3 3 3 3", from: "@\(name):hs", in: "!dm\(name):hs")
            }
        }
        let config = driver.config
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        _ = try driver.database.write { try AssessmentJobs().runDue(now: round.deadline.addingTimeInterval(1), config: config, writer: $0) }
        return (driver, round)
    }

    @Test func aRemovedStudentIsKickedFromTheGroupRoomAndAClosedRoundKeepsItsScores() throws {
        let (start, round) = try closedRound()
        var driver = start
        let before = try driver.database.read { try SessionLookup(reader: $0).result(of: round) }
        let ratingsBefore = try driver.database.read { try $0.assessment.ratings(round: round.id).count }
        let reply = try #require(try driver.say("!student remove @bo:hs"))
        #expect(reply["peerbot.error"] == nil)
        let kicks = try driver.actions().compactMap { action -> (String, String?)? in
            if case .kick("!groupA:hs", let userID, let reason) = action { return (userID, reason) }
            return nil
        }
        #expect(kicks.map(\.0) == ["@bo:hs"])
        #expect(kicks.first?.1?.isEmpty == false)
        let after = try driver.database.read { try SessionLookup(reader: $0).result(of: round) }
        #expect(after == before)
        #expect(try driver.database.read { try $0.assessment.ratings(round: round.id).count } == ratingsBefore)
        #expect(try driver.database.read { try $0.groups.members(ofGroup: round.groupID).map(\.userID) } == ["@anna:hs", "@cecilie:hs", "@david:hs"])
        // Bo is a guest now: supervisor-only and student commands are refused.
        let refused = try #require(try driver.say("!status", from: "@bo:hs", in: "!dmbo:hs"))
        #expect(refused["peerbot.error"] == nil)
        let forbidden = try #require(try driver.say("!understood", from: "@bo:hs", in: "!dmbo:hs"))
        #expect(forbidden["peerbot.error"] == "forbidden")
        // Added again, they are back on the roster with their record.
        _ = try driver.say(#"!student add @bo:hs "Bo""#)
        #expect(try driver.database.read { try $0.roster.isStudent("@bo:hs") })
    }

    @Test func aLostDirectRoomIsReplacedAndTheSupervisorsAreTold() throws {
        let driver = try AssessmentFlow().driver()
        let kick = ClientEvent(type: "m.room.member", sender: "@anna:hs", eventID: "$k", originServerTS: 1,
                               content: ["membership": "leave"], stateKey: RoomDriver.bot)
        let sync = SyncResponse(nextBatch: "lost", rooms: .init(leave: ["!dmanna:hs": LeftRoom(timeline: Timeline(events: [kick]))]))
        try BatchIngestor(database: driver.database).ingest(sync, firstSync: false, config: driver.config)
        #expect(try driver.database.read { try $0.rooms.direct(userID: "@anna:hs") } == nil)
        let creations = try driver.actions().compactMap { action -> String? in
            if case .createRoom(let ref, _) = action { return ref }
            return nil
        }
        #expect(creations.contains(RoomRef.direct("@anna:hs").string))
        #expect(try driver.contents(in: RoomRef.direct("@anna:hs").string).contains { $0["peerbot.kind"] == "welcome" })
        let alert = try #require(try driver.contents(in: RoomDriver.room).last)
        #expect(alert["peerbot.kind"] == "alert")
        #expect(alert["body"]?.stringValue?.contains("@anna:hs") == true)
    }

    @Test func aLostGroupRoomIsRejoinedOnASupervisorsInvite() throws {
        let driver = try AssessmentFlow().driver()
        let ban = ClientEvent(type: "m.room.member", sender: RoomDriver.sup, eventID: "$b", originServerTS: 1,
                              content: ["membership": "ban"], stateKey: RoomDriver.bot)
        let lost = SyncResponse(nextBatch: "lost", rooms: .init(leave: ["!groupA:hs": LeftRoom(timeline: Timeline(events: [ban]))]))
        try BatchIngestor(database: driver.database).ingest(lost, firstSync: false, config: driver.config)
        #expect(try driver.database.read { try $0.rooms.find(id: "!groupA:hs") }?.joinedAt == nil)
        let alert = try #require(try driver.contents(in: RoomDriver.room).last)
        #expect(alert["peerbot.kind"] == "alert" && alert["peerbot.group"] == "A")
        let invite = InvitedRoom(events: [StrippedStateEvent(type: "m.room.member", sender: RoomDriver.sup, stateKey: RoomDriver.bot,
                                                             content: ["membership": "invite"])])
        try BatchIngestor(database: driver.database).ingest(SyncResponse(nextBatch: "back", rooms: .init(invite: ["!groupA:hs": invite])),
                                                            firstSync: false, config: driver.config)
        #expect(try driver.actions().contains(.join(roomID: "!groupA:hs")))
        #expect(try driver.database.read { try $0.rooms.find(id: "!groupA:hs") }?.kind == .group)
    }
}

@Suite struct SupervisorReload {
    @Test func aRemovedSupervisorLosesPowerAndIsTakenOutAndANewOneIsInvitedEverywhere() throws {
        let driver = try SessionFlow().driverWithGroup()
        var config = driver.config
        config.supervisors = [RoomDriver.sup, "@zoe:hs"]
        let changes = SupervisorChanges(old: [RoomDriver.sup, "@eva:hs"], new: config.supervisors)
        let chosen = config
        let queued = try driver.database.write { try changes.apply(config: chosen, writer: $0) }
        #expect(queued > 0)
        let actions = try driver.actions()
        let levels = actions.compactMap { action -> (String, JSONValue)? in
            guard case .state(let room, "m.room.power_levels", "", let json) = action, let content = JSONValue.parse(json) else { return nil }
            return (room, content)
        }
        #expect(Set(levels.map(\.0)) == ["!groupA:hs", RoomDriver.room])
        for (_, content) in levels {
            #expect(content["users"] == [RoomDriver.sup: 100, "@zoe:hs": 100])
            #expect(content["invite"] == 100)
        }
        #expect(actions.contains(.kick(roomID: "!groupA:hs", userID: "@eva:hs", reason: Texts(config.language).privacy.supervisorRemovedReason())))
        #expect(actions.contains(.kick(roomID: RoomDriver.room, userID: "@eva:hs", reason: Texts(config.language).privacy.supervisorRemovedReason())))
        #expect(actions.contains(.invite(roomID: "!groupA:hs", userID: "@zoe:hs")))
        #expect(!actions.contains { if case .kick(_, RoomDriver.sup, _) = $0 { true } else { false } })
    }

    @Test func anUnchangedListQueuesNothing() throws {
        let driver = try SessionFlow().driverWithGroup()
        let config = driver.config
        let queued = try driver.database.write { try SupervisorChanges(old: [RoomDriver.sup], new: [RoomDriver.sup]).apply(config: config, writer: $0) }
        #expect(queued == 0)
    }

    @Test func aListChangedWhileTheBotWasStoppedIsCarriedInAtTheNextStartOnce() throws {
        let driver = try SessionFlow().driverWithGroup()
        var config = driver.config
        let first = config
        // The first start that keeps the list takes the rooms as made with it.
        #expect(try driver.database.write { try SupervisorChanges.carry(config: first, writer: $0) } == 0)
        let before = try driver.actions().count
        // The file was edited and the bot restarted (or killed in the middle of a reload).
        config.supervisors = [RoomDriver.sup, "@zoe:hs"]
        let edited = config
        #expect(try driver.database.write { try SupervisorChanges.carry(config: edited, writer: $0) } > 0)
        let actions = try driver.actions().dropFirst(before)
        #expect(actions.contains(.invite(roomID: "!groupA:hs", userID: "@zoe:hs")))
        #expect(actions.contains { action in
            guard case .state("!groupA:hs", "m.room.power_levels", "", let json) = action else { return false }
            return JSONValue.parse(json)?["users"]?["@zoe:hs"] == 100
        })
        // Carried once: the next start (or a reload with the same list) queues nothing more.
        #expect(try driver.database.write { try SupervisorChanges.carry(config: edited, writer: $0) } == 0)
    }
}

@Suite struct EarlierRooms {
    @Test func groupRoomsFromBeforeAreClosedOnceAtStart() throws {
        let driver = try SessionFlow().driverWithGroup()
        let provisioner = RoomProvisioner(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: ScriptedHomeserver()),
                                          database: driver.database, config: ConfigHolder(driver.config), logger: .init(label: "test"))
        try provisioner.closeEarlierRooms(driver.config)
        try provisioner.closeEarlierRooms(driver.config)
        let rooms = try driver.actions().compactMap { action -> String? in
            if case .state(let room, "m.room.power_levels", _, let json) = action, JSONValue.parse(json)?["invite"] == 100 { return room }
            return nil
        }
        #expect(rooms.sorted() == ["!groupA:hs", RoomDriver.room].sorted())
    }
}
