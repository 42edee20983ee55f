import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

@Suite struct RoomPower {
    @Test func aDirectRoomIsPrivateChatAndTheStudentMayOnlyWrite() throws {
        let request = RoomRequests.direct(userID: "@anna:hs", name: "peerbot", ref: "ref:direct:@anna:hs")
        #expect(request["preset"] == "private_chat")
        #expect(request["is_direct"] == true)
        let levels = try #require(request["power_level_content_override"])
        // The bot is the sole creator (room version 12): listed nowhere, the student holds 0.
        #expect(levels["users"]?.objectValue?.isEmpty == true)
        #expect(levels["users_default"] == 0 && levels["events_default"] == 0)
        for action in ["state_default", "invite", "kick", "ban", "redact"] { #expect(levels[action] == 100, "\(action)") }
        #expect(levels["events"]?[RoomMarker.type] == 100)
        #expect(levels["events"]?["m.room.power_levels"] == 100)
    }

    @Test func aGroupRoomLetsOnlySupervisorsInviteKickAndChangeState() throws {
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs", "@eva:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let request = RoomRequests.group(name: "A", topic: "t", students: ["@anna:hs"], config: config, ref: "ref:group:1")
        let levels = try #require(request["power_level_content_override"])
        #expect(levels["users"] == ["@sup:hs": 100, "@eva:hs": 100])
        #expect(levels["users"]?["@bot:hs"] == nil)
        for action in ["state_default", "invite", "kick", "ban", "redact"] { #expect(levels[action] == 100, "\(action)") }
        #expect(levels["events"]?["m.room.tombstone"] == 150)
    }

    @Test func onlyTheBotsOwnMarkerIsTrusted() {
        let marker: JSONValue = ["kind": "direct", "ref": "ref:direct:@bo:hs"]
        let forged = ClientEvent(type: RoomMarker.type, sender: "@anna:hs", eventID: "$f", originServerTS: 1, content: marker, stateKey: "")
        let own = ClientEvent(type: RoomMarker.type, sender: "@bot:hs", eventID: "$o", originServerTS: 1, content: marker, stateKey: "")
        let other = ClientEvent(type: RoomMarker.type, sender: "@bot:hs", eventID: "$k", originServerTS: 1, content: marker, stateKey: "x")
        #expect(RoomMarker.trusted(in: [forged], botUserID: "@bot:hs") == nil)
        #expect(RoomMarker.trusted(in: [other], botUserID: "@bot:hs") == nil)
        #expect(RoomMarker.trusted(in: [forged, own], botUserID: "@bot:hs") == marker)
        #expect(RoomMarker.trusted(in: [], botUserID: "@bot:hs") == nil)
    }

    @Test func anOutsiderWhoJoinsAGroupRoomIsKickedAndTheSupervisorsAreTold() throws {
        var driver = try SessionFlow().driverWithGroup()
        var builder = SyncBuilder()
        builder.next = 500
        // After the room's recorded join, which is stored rounded to the millisecond.
        let now = Int64(Date().timeIntervalSince1970 * 1000) + 1000
        try driver.deliver([
            builder.event("m.room.member", sender: "@mallory:hs", ts: now, content: ["membership": "join"], stateKey: "@mallory:hs"),
            builder.event("m.room.member", sender: "@anna:hs", ts: now + 1, content: ["membership": "join"], stateKey: "@anna:hs"),
            builder.event("m.room.member", sender: RoomDriver.sup, ts: now + 2, content: ["membership": "join"], stateKey: RoomDriver.sup),
        ], in: "!groupA:hs")
        let kicks = try driver.actions().compactMap { action -> String? in
            if case .kick("!groupA:hs", let userID, let reason) = action, reason?.isEmpty == false { return userID }
            return nil
        }
        #expect(kicks == ["@mallory:hs"])
        let alert = try #require(try driver.contents(in: RoomDriver.room).last)
        #expect(alert["peerbot.kind"] == "alert")
        #expect(alert["body"]?.stringValue?.contains("@mallory:hs") == true)
    }
}

@Suite struct ConfigWarnings {
    func config(_ homeserver: String) -> BotConfig {
        BotConfig(homeserver: homeserver, userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                  databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
    }

    @Test(arguments: ["http://matrix.example.org", "http://10.0.0.5:8008", "HTTP://hs.example"])
    func plainHTTPToAnotherMachineIsWarnedAbout(_ url: String) {
        #expect(config(url).warnings.count == 1)
        #expect(config(url).warnings.first?.contains("https://") == true)
    }

    @Test(arguments: ["https://matrix.example.org", "http://localhost:8008", "http://127.0.0.1:8008", "http://[::1]:8008"])
    func httpsAndLoopbackAreQuiet(_ url: String) {
        #expect(config(url).warnings.isEmpty)
    }
}

@Suite struct ExportFolder {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func filesAre0600InANew0700Folder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("out").path
        try ExportFiles.write([("reflections.csv", Data("a\n".utf8))], to: folder)
        #expect(try mode(folder) == 0o700)
        #expect(try mode(folder + "/reflections.csv") == 0o600)
        // A second export over an older, looser file tightens it and replaces its content.
        chmod(folder + "/reflections.csv", 0o644)
        try ExportFiles.write([("reflections.csv", Data("b\n".utf8))], to: folder)
        #expect(try mode(folder + "/reflections.csv") == 0o600)
        #expect(try String(contentsOfFile: folder + "/reflections.csv", encoding: .utf8) == "b\n")
    }

    @Test func aFolderOthersMayReadIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peerbot-open-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        chmod(folder, 0o755)
        #expect(throws: ExportFiles.Failure.self) { try ExportFiles.write([("tasks.csv", Data())], to: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/tasks.csv"))
    }

    @Test func aFormulaCellIsNeutralisedInTheExportedCSV() throws {
        let data = try CSVText.make(header: ["text"], rows: [["=HYPERLINK(\"https://evil\")"], ["-0.5"]])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
        #expect(!text.contains("\n=HYPERLINK") && !text.contains("\n\"=HYPERLINK"))
        #expect(text.contains("\n-0.5"))
    }
}
