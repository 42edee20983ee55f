import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Exports and `!mydata` in an encrypted room: an encrypted attachment inside an encrypted event.
@Suite struct EncryptedFileSending {
    @Test func aFileGoesUpAsCiphertextAndItsKeyTravelsInsideTheEncryptedEvent() async throws {
        let room = try EncryptedRoomFixture()
        let anna = MemberDevice(userID: "@anna:hs", deviceID: "ANNAPHONE")
        room.add(anna)
        room.homeserver.on("POST /_matrix/media/v3/upload", #"{"content_uri":"mxc://hs/export1"}"#)
        room.failures.withLock { $0["/rooms/!g:hs/send/"] = 1 }
        let csv = Data("navn,refleksion\nAnna,fortroligt\n".utf8)
        let file = OutgoingFile(filename: "eksport.csv", mimetype: "text/csv", bytes: csv,
                                message: BotMessage(kind: .reply, caption: "Din eksport"))
        try room.enqueue(.sendFile(roomID: "!g:hs", fileJSON: file.json))
        try await room.drain(room.sender())

        // One upload, even though the message had to be sent twice; the homeserver got no plaintext.
        let uploads = room.homeserver.requests.filter { $0.url.contains("/media/v3/upload") }
        #expect(uploads.count == 1 && uploads[0].headers.contains { $0.key.lowercased() == "content-type" && $0.value == "application/octet-stream" })
        let uploaded = try #require(uploads.first?.body)
        #expect(uploaded.range(of: Data("fortroligt".utf8)) == nil)
        let events = room.bodies("/rooms/!g:hs/send/m.room.encrypted/")
        #expect(events.count == 2 && events[0] == events[1] && !events[0].jsonString().contains("eksport.csv"))

        try room.deliver(to: anna)
        let content = try #require(try anna.read(events[0])?.event["content"])
        #expect(content["msgtype"] == "m.file" && content["url"] == nil && content["info"]?["mimetype"] == "text/csv")
        let described = try JSONDecoder().decode(EncryptedFile.self, from: Data(try #require(content["file"]).jsonString().utf8))
        #expect(described.url == "mxc://hs/export1")
        #expect(try AttachmentCipher.decrypt(Array(uploaded), file: described) == Array(csv))
    }
}
