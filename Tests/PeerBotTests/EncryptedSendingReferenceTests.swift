import Foundation
import MatrixClient
import Testing
@testable import PeerBot

/// A member device run by vodozemac (Tests/PeerBotTests/Reference/room_member.py), one process per call.
enum ReferenceMember {
    static var root: URL {
        if let root = ProcessInfo.processInfo.environment["PEERBOT_TEST_ROOT"], !root.isEmpty { return URL(fileURLWithPath: root) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func call(_ request: ClientJSON) throws -> ClientJSON {
        let process = Process()
        process.executableURL = root.appendingPathComponent(".local/venv/bin/python")
        process.arguments = [root.appendingPathComponent("Tests/PeerBotTests/Reference/room_member.py").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(request.jsonString().utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answer = try #require(ClientJSON.parse(String(decoding: data, as: UTF8.self)), "no answer from vodozemac")
        if let error = answer["error"]?.stringValue { throw ReferenceFailure(description: error) }
        return answer
    }

    struct ReferenceFailure: Error, CustomStringConvertible { let description: String }
}

@Suite struct EncryptedSendingAgainstVodozemac {
    @Test func vodozemacReadsTheBotsKeyShareAndEveryMessageItEncrypts() async throws {
        let room = try EncryptedRoomFixture()
        let device = try ReferenceMember.call(["op": "device", "user_id": "@vera:hs", "device_id": "VERAPHONE"])
        let keys = try #require(device["device_keys"])
        let oneTime = try #require(device["one_time_key"])
        room.homeserver.on("GET /_matrix/client/v3/rooms/!g:hs/members", #"{"chunk":[{"type":"m.room.member","state_key":"@vera:hs","content":{"membership":"join"}}]}"#)
        room.homeserver.on("POST /_matrix/client/v3/keys/query") { _ in EncryptedRoomFixture.ok(["device_keys": ["@vera:hs": ["VERAPHONE": keys]]]) }
        room.homeserver.on("POST /_matrix/client/v3/keys/claim") { _ in EncryptedRoomFixture.ok(["one_time_keys": ["@vera:hs": ["VERAPHONE": oneTime]]]) }
        _ = try room.message("Hej Vera")
        let edit: ClientJSON = ["msgtype": "m.text", "body": "* Hej igen", "m.new_content": ["msgtype": "m.text", "body": "Hej igen"],
                                "m.relates_to": ["rel_type": "m.replace", "event_id": "$first"]]
        try room.enqueue(.send(roomID: "!g:hs", eventType: "m.room.message", contentJSON: edit.jsonString()))
        try await room.drain(room.sender())

        let toDevice = room.bodies("/sendToDevice/").compactMap { $0["messages"]?["@vera:hs"]?["VERAPHONE"] }
        let events = room.bodies("/rooms/!g:hs/send/")
        let read = try ReferenceMember.call(["op": "read", "pickle": try #require(device["pickle"]), "user_id": "@vera:hs",
                                             "to_device": .array(toDevice), "events": .array(events)])
        let share = try #require(read["to_device"]?.arrayValue?.first)
        #expect(share["type"] == "m.room_key" && share["sender"] == "@bot:hs" && share["recipient"] == "@vera:hs")
        #expect(share["content"]?["room_id"] == "!g:hs")
        let plaintexts = try #require(read["events"]?.arrayValue)
        #expect(plaintexts.map { $0["index"] } == [0, 1])
        #expect(plaintexts[0]["event"]?["content"]?["body"] == "Hej Vera" && plaintexts[0]["event"]?["room_id"] == "!g:hs")
        #expect(plaintexts[1]["event"]?["content"]?["m.new_content"]?["body"] == "Hej igen")
        #expect(events[1]["m.relates_to"]?["rel_type"] == "m.replace")
    }
}
