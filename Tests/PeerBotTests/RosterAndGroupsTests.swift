import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Drives the router with supervisor and student messages in one managed room.
struct RoomDriver {
    static let bot = "@bot:hs", sup = "@sup:hs", room = "!sup:hs"
    let database: AppDatabase
    var config = BotConfig(homeserver: "http://hs", userID: bot, accessToken: Secret("t"), supervisors: [sup], databasePath: ":memory:",
                           timeZone: ZoneRules.named("Europe/Copenhagen")!)
    var builder = SyncBuilder()
    var batch = 0

    init(database: AppDatabase = try! AppDatabase.inMemory()) {
        self.database = database
        try! database.write { try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .supervisor, language: "en", groupName: nil, userID: nil, joinedAt: Date(timeIntervalSince1970: 1))) }
    }

    /// Sends one message and returns the bot's reply to it.
    mutating func say(_ text: String, from sender: String = sup, in room: String = room) throws -> JSONValue? {
        let event = builder.text(text, from: sender, ts: Int64(Date().timeIntervalSince1970 * 1000) + Int64(builder.next))
        try deliver([event], in: room)
        return try contents().last { $0["m.relates_to"]?["m.in_reply_to"]?["event_id"]?.stringValue == event.eventID }
    }

    mutating func deliver(_ events: [ClientEvent], in room: String) throws {
        batch += 1
        try BatchIngestor(database: database).ingest(SyncBuilder.batch("s\(batch)", join: [room: events]), firstSync: false, config: config)
    }

    func actions() throws -> [OutboxAction] { try database.outbox.pending(limit: 10_000).map(\.action) }

    func contents(in room: String? = nil) throws -> [JSONValue] {
        try actions().compactMap {
            guard case .send(let target, _, let json) = $0, room == nil || room == target else { return nil }
            return JSONValue.parse(json)
        }
    }
}

@Suite struct RosterCommands {
    @Test func aSupervisorBuildsTheRosterAndStudentsGainTheirRole() throws {
        var driver = RoomDriver()
        let added = try #require(try driver.say(#"!student add @anna:hs "Anna Hansen" strengths=wound care,ecg background=nursing"#))
        #expect(added["peerbot.kind"] == "roster")
        let student = try #require(try driver.database.read { try $0.roster.find(userID: "@anna:hs") })
        #expect(student.name == "Anna Hansen")
        #expect(student.attributes["strengths"] == ["wound care", "ecg"])
        let list = try #require(try driver.say("!students"))
        #expect(list["body"]?.stringValue?.contains("Anna Hansen") == true)
        let refused = try #require(try driver.say("!students", from: "@anna:hs"))
        #expect(refused["peerbot.error"] == "forbidden")
        let removed = try #require(try driver.say("!student remove @anna:hs"))
        #expect(removed["peerbot.error"] == nil)
        #expect(try driver.database.read { try $0.roster.find(userID: "@anna:hs") } == nil)
        let missing = try #require(try driver.say("!student remove @anna:hs"))
        #expect(missing["peerbot.error"] == "not_found")
    }
}

@Suite struct GroupCommands {
    static let names = ["anna", "bo", "cecilie", "david", "emma"]

    func driverWithRoster() throws -> RoomDriver {
        var driver = RoomDriver()
        for (index, name) in Self.names.enumerated() {
            _ = try driver.say("!student add @\(name):hs \"\(name.capitalized)\" style=\(index % 2 == 0 ? "visual" : "verbal") background=b\(index % 3)")
        }
        return driver
    }

    @Test func planThenCreateQueuesOneRoomPerGroupAndAWelcomeForEachStudent() throws {
        var driver = try driverWithRoster()
        let proposal = try #require(try driver.say("!groups plan size=2 seed=7"))
        #expect(proposal["peerbot.kind"] == "group_proposal")
        let created = try #require(try driver.say("!groups create"))
        #expect(created["peerbot.kind"] == "groups_created")
        let creations = try driver.actions().compactMap { action -> String? in
            if case .createRoom(let ref, _) = action { return ref }
            return nil
        }
        // Five students in groups of two: round(5 / 2) = 3 groups (halves round up).
        #expect(creations.filter { $0.hasPrefix("ref:group:") }.count == 3)
        #expect(Set(creations.filter { $0.hasPrefix("ref:direct:") }) == Set(Self.names.map { "ref:direct:@\($0):hs" }))
        let welcomes = try driver.actions().filter {
            if case .send(let room, _, let json) = $0 { return room.hasPrefix("ref:direct:") && json.contains("\"welcome\"") }
            return false
        }
        #expect(welcomes.count == Self.names.count)
        let again = try #require(try driver.say("!groups create"))
        #expect(again["peerbot.error"] == "conflict")
        #expect(try driver.actions().filter { if case .createRoom = $0 { return true } else { return false } }.count == creations.count)
    }

    @Test func createdRoomsAreBulkWorkBehindAnswersWithOneProgressMessage() throws {
        var driver = try driverWithRoster()
        _ = try driver.say("!groups plan size=2 seed=7")
        let created = try #require(try driver.say("!groups create"))
        #expect(created["peerbot.kind"] == "groups_created")
        let items = try driver.database.outbox.pending(limit: 10_000)
        let progress = try #require(try driver.contents(in: RoomDriver.room).first { $0["peerbot.kind"] == "progress" })
        #expect(progress["body"]?.stringValue?.contains("0 of \(items.filter { $0.priority == .bulk }.count) steps done") == true)
        // Every creation, invite and welcome is bulk; the answer and the progress message are not.
        for item in items where item.action.roomID.hasPrefix("ref:") { #expect(item.priority == .bulk) }
        #expect(items.filter { $0.action.roomID == RoomDriver.room }.allSatisfy { $0.priority == .normal })
        let due = try driver.database.outbox.due(at: Date(), limit: 500).items
        #expect(due.first?.action.roomID == RoomDriver.room)
    }

    @Test func theGroupRoomGivesSupervisorsPowerAndInvitesEveryone() throws {
        var driver = try driverWithRoster()
        _ = try driver.say("!groups plan size=3 seed=1")
        _ = try driver.say("!groups create")
        let request = try #require(try driver.actions().compactMap { action -> JSONValue? in
            if case .createRoom(let ref, let json) = action, ref.hasPrefix("ref:group:") { return JSONValue.parse(json) }
            return nil
        }.first)
        #expect(request["power_level_content_override"]?["users"]?[RoomDriver.sup] == 100)
        #expect(request["power_level_content_override"]?["users"]?[RoomDriver.bot] == nil)
        #expect(request["preset"] == "private_chat")
        #expect(request["invite"]?.arrayValue?.contains(.string(RoomDriver.sup)) == true)
        #expect(request["creation_content"]?["m.federate"] == false)
    }

    @Test func joinsAreTrackedAndLatecomersReportedOnce() throws {
        var driver = try driverWithRoster()
        driver.config.joinGrace = .seconds(60)
        _ = try driver.say("!groups plan size=5 seed=3")
        _ = try driver.say("!groups create")
        let group = try #require(try driver.database.read { try $0.groups.active().first })
        try driver.database.write { try RoomRefs.register(ref: RoomRef.group(group.id).string, roomID: "!g:hs", writer: $0) }
        var builder = SyncBuilder()
        builder.next = 1000
        let now = Int64(Date().timeIntervalSince1970 * 1000) + 1000
        try driver.deliver([builder.event("m.room.member", sender: "@anna:hs", ts: now, content: ["membership": "join"], stateKey: "@anna:hs")], in: "!g:hs")
        let check = JoinGraceCheck()
        let later = group.createdAt.addingTimeInterval(61)
        let config = driver.config
        let first = try driver.database.write { try check.runDue(now: later, config: config, writer: $0) }
        let second = try driver.database.write { try check.runDue(now: later.addingTimeInterval(60), config: config, writer: $0) }
        #expect(first == 1)
        #expect(second == 0)
        let alert = try #require(try driver.contents(in: RoomDriver.room).last { $0["peerbot.kind"] == "alert" })
        #expect(alert["body"]?.stringValue?.contains("Anna") == false)
        #expect(alert["body"]?.stringValue?.contains("Bo") == true)
        #expect(alert["msgtype"] == "m.text" && alert["m.mentions"]?["user_ids"] == [.string(RoomDriver.sup)], "the alert notifies the supervisors")
        try driver.deliver([builder.event("m.room.member", sender: "@bo:hs", ts: now + 1000, content: ["membership": "join"], stateKey: "@bo:hs")], in: "!g:hs")
        let note = try #require(try driver.contents(in: RoomDriver.room).last)
        #expect(note["peerbot.kind"] == "alert")
        #expect(note["m.mentions"]?["user_ids"] == [.string(RoomDriver.sup)])
        #expect(note["body"]?.stringValue?.contains("Bo") == true)
    }

    @Test func createWithoutAPlanIsNotFound() throws {
        var driver = try driverWithRoster()
        let answer = try #require(try driver.say("!groups create"))
        #expect(answer["peerbot.error"] == "not_found")
    }
}

@Suite struct RosterFiles {
    func check(_ text: String) -> RosterImportResult? {
        if case .checked(let result) = RosterFile.read(Data(text.utf8), maximumBytes: 1 << 20) { return result }
        return nil
    }

    @Test func quotedCellsBOMAndCRLFAreRead() throws {
        let text = "\u{FEFF}matrix_id,name,strengths,background\r\n@anna:hs,\"Hansen, Anna\",sår;ekg,sygepleje\r\n@bo:hs,Bo Ærø,,fysioterapi\r\n"
        let result = try #require(check(text))
        #expect(result.isAcceptable)
        #expect(result.students.map(\.name) == ["Hansen, Anna", "Bo Ærø"])
        #expect(result.students[0].attributes["strengths"] == ["sår", "ekg"])
    }

    @Test func badLinesAreNamedByNumberAndNothingIsAccepted() throws {
        let text = "matrix_id,name,style\n@anna:hs,Anna,visual\nnot-an-id,Bo,verbal\n@anna:hs,Anna again,visual\n"
        let result = try #require(check(text))
        #expect(!result.isAcceptable)
        #expect(result.problems.map(\.line) == [3, 4])
    }

    @Test func lineNumbersCountBlankLines() throws {
        let result = try #require(check("matrix_id,name\n@anna:hs,Anna\n\nbad,Bo\n"))
        #expect(result.problems.map(\.line) == [4])
    }

    @Test func binaryAndEmptyFilesGetAnAnswer() throws {
        if case .checked = RosterFile.read(Data([0xFF, 0xD8, 0xFF, 0x00, 0x10]), maximumBytes: 1 << 20) { Issue.record("binary must be unreadable") }
        let empty = try #require(check(""))
        #expect(!empty.isAcceptable)
    }

    @Test func aLargeRosterIsReadWhole() throws {
        var text = "matrix_id,name,style\n"
        for index in 0..<5000 { text += "@s\(index):hs,Student \(index),s\(index % 4)\n" }
        let result = try #require(check(text))
        #expect(result.isAcceptable)
        #expect(result.students.count == 5000)
    }
}

@Suite struct GroupMoves {
    @Test func aMovedStudentIsInvitedToTheNewRoomAndRemovedFromTheOld() throws {
        var driver = try GroupCommands().driverWithRoster()
        _ = try driver.say("!groups plan size=2 seed=5")
        _ = try driver.say("!groups create")
        let groups = try driver.database.read { try $0.groups.active() }
        try driver.database.write { writer in
            for group in groups { try RoomRefs.register(ref: RoomRef.group(group.id).string, roomID: "!g\(group.name):hs", writer: writer) }
        }
        let from = try #require(try driver.database.read { try $0.groups.active(ofStudent: "@anna:hs") })
        let to = try #require(groups.first { $0.id != from.id })
        let answer = try #require(try driver.say("!group move @anna:hs \(to.name.lowercased())"))
        #expect(answer["peerbot.error"] == nil)
        #expect(try driver.database.read { try $0.groups.active(ofStudent: "@anna:hs")?.id } == to.id)
        let actions = try driver.actions()
        #expect(actions.contains(.invite(roomID: "!g\(to.name):hs", userID: "@anna:hs")))
        #expect(actions.contains { if case .kick("!g\(from.name):hs", "@anna:hs", _) = $0 { return true } else { return false } })
        let unknown = try #require(try driver.say("!group move @anna:hs Z"))
        #expect(unknown["peerbot.error"] == "not_found")
    }
}
