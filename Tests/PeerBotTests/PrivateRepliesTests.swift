import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct PrivateRepliesFlow {
    static let groupRoom = "!groupA:hs"

    @Test func aSummaryAskedInTheGroupRoomGoesToTheSupervisorRoomOnly() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        _ = try ReflectionFlow().message(&driver, "Jeg var usikker på doseringen", from: "@anna:hs", in: "!dmAnna:hs")
        let notice = try #require(try driver.say("!summary A #\(session.number)", in: Self.groupRoom))
        #expect(notice["peerbot.kind"] == "reply")
        #expect(notice["formatted_body"]?.stringValue?.contains(RoomDriver.room) == true)
        let inGroup = try driver.contents(in: Self.groupRoom).map { $0.jsonString() }
        #expect(!inGroup.contains { $0.contains("usikker på doseringen") })
        #expect(!inGroup.contains { $0.contains("\"summary\"") })
        let summary = try #require(try driver.contents(in: RoomDriver.room).last { $0["peerbot.kind"] == "summary" })
        #expect(summary["body"]?.stringValue?.contains("usikker på doseringen") == true)
    }

    @Test func theRosterAndExportAskedInAGroupRoomGoToTheSupervisorRoom() throws {
        var driver = try SessionFlow().driverWithGroup()
        let added = try #require(try driver.say(#"!student add @anna:hs "Anna" background=refugee-background"#, in: Self.groupRoom))
        #expect(added["peerbot.kind"] == "reply" && added["body"]?.stringValue?.contains("refugee") == false)
        let notice = try #require(try driver.say("!students", in: Self.groupRoom))
        #expect(notice["peerbot.kind"] == "reply")
        #expect(!(try driver.contents(in: Self.groupRoom).contains { $0.jsonString().contains("refugee-background") }))
        #expect(try driver.contents(in: RoomDriver.room).contains { $0["body"]?.stringValue?.contains("refugee-background") == true })
        let exported = try #require(try driver.say("!export", in: Self.groupRoom))
        #expect(exported["peerbot.kind"] == "reply")
        #expect(try driver.contents(in: RoomDriver.room).contains { $0["peerbot.kind"] == "export" })
        let files = try driver.actions().compactMap { action -> String? in
            if case .sendFile(let room, _) = action { return room }
            return nil
        }
        #expect(!files.isEmpty && files.allSatisfy { $0 == RoomDriver.room })
    }

    @Test func anErrorStaysWhereItWasAsked() throws {
        var driver = try SessionFlow().driverWithGroup()
        let answer = try #require(try driver.say("!summary Z", in: Self.groupRoom))
        #expect(answer["peerbot.kind"] == "error")
        #expect(try driver.contents(in: RoomDriver.room).allSatisfy { $0["peerbot.kind"] != "error" })
    }

    @Test func reflectInAnInvitedRoomIsNotKeptAsPrivate() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        try driver.database.write {
            try $0.rooms.upsert(RoomRecord(roomID: "!ward:hs", kind: .invited, language: "en", groupName: nil, userID: nil, joinedAt: Date(timeIntervalSince1970: 1)))
        }
        let reply = try #require(try driver.say("!reflect I felt unsure", from: "@anna:hs", in: "!ward:hs"))
        #expect(reply["peerbot.kind"] == "error")
        #expect(reply["body"]?.stringValue?.contains("Only you and your supervisors") == false)
        #expect(try driver.database.read { try $0.reflections.all(session: ended.1.number) }.isEmpty)
    }

    @Test func feedbackToAllReachesEveryGroup() throws {
        var driver = try GroupCommands().driverWithRoster()
        _ = try driver.say("!groups plan size=2 seed=7")
        _ = try driver.say("!groups create")
        let groups = try driver.database.read { try $0.groups.active() }
        #expect(groups.count == 3)
        _ = try driver.say("!feedback all Well done this week")
        for group in groups {
            let room = RoomRef.group(group.id).string
            #expect(try driver.contents(in: room).contains { $0["peerbot.kind"] == "feedback" }, "group \(group.name)")
        }
    }

    @Test func aTaskOfAnArchivedGroupCannotBeClosedFromTheNewGroupOfTheSameName() throws {
        var driver = try SessionFlow().driverWithGroup()
        let added = try #require(try driver.say("!task add group Bring the case notes", from: "@bo:hs", in: Self.groupRoom))
        #expect(added["peerbot.kind"] == "tasks")
        let task = try #require(try driver.database.read { reader in try reader.groups.active().first.flatMap { try reader.tasks.all(ofGroup: $0.id).first } })
        _ = try driver.say("!groups plan size=4 seed=2")
        _ = try driver.say("!groups create")
        let newGroup = try #require(try driver.database.read { try $0.groups.active().first })
        #expect(newGroup.name == "A" && newGroup.id != task.groupID)
        let refused = try #require(try driver.say("!task done \(task.id)", from: "@cecilie:hs", in: Self.groupRoom))
        #expect(refused["peerbot.kind"] == "error")
        #expect(try driver.database.read { try $0.tasks.find(id: task.id) }?.doneAt == nil)
    }
}

@Suite struct EarlierGroups {
    @Test func myDataAndTheExportIncludeAStudentsEarlierGroups() throws {
        var driver = try SessionFlow().driverWithGroup()
        _ = try driver.say("!task add Læs retningslinjen om sepsis", from: "@anna:hs", in: "!groupA:hs")
        _ = try driver.say("!groups plan size=2 seed=3")
        _ = try driver.say("!groups create")
        let (mine, export) = try driver.database.read { reader in
            (try MyDataBuilder(reader: reader).document(for: "@anna:hs", now: Date()), try ExportBuilder(reader: reader).document(group: nil))
        }
        #expect(mine.groups.count == 2)
        #expect(mine.groups.first?.hasPrefix("A (until ") == true)
        #expect(mine.tasks.contains { $0.text == "Læs retningslinjen om sepsis" && $0.group.hasPrefix("A (until ") })
        let tasks = try #require(export).tasks
        #expect(tasks.contains { $0.text == "Læs retningslinjen om sepsis" && $0.group.hasPrefix("A (until ") })
    }
}
