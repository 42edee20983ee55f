import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A roster uploaded as an encrypted attachment in an encrypted supervisor room.
@Suite struct EncryptedRosterUploads {
    static let sup = "@sup:hs", room = "!sup:hs"
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()
    let pickleKey = PickleKey.random()
    let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: [sup],
                           databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
    let csv = "matrix_id,name\n@anna:hs,Anna Hansen\n@bo:hs,Bo Berg\n"

    init() throws {
        try database.write {
            try $0.rooms.upsert(RoomRecord(roomID: Self.room, kind: .supervisor, language: nil, groupName: nil, userID: nil,
                                           joinedAt: Date(timeIntervalSince1970: 1)))
        }
    }

    var service: RosterImportService {
        RosterImportService(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver), database: database,
                            config: ConfigHolder(config), wakeup: Wakeup(), outbox: Wakeup(), logger: Logger(label: "test"),
                            keyring: RoomKeyring(pickleKey: pickleKey))
    }

    /// The supervisor's encrypted `m.file`, decrypted by the batch, and the bytes the media repository holds.
    func upload(_ plaintext: String) throws -> (event: ClientEvent, ciphertext: [UInt8]) {
        var (ciphertext, file) = AttachmentCipher.encrypt(Array(plaintext.utf8))
        file.url = "mxc://hs/roster"
        let sender = MegolmSender(userID: Self.sup)
        try sender.share(roomID: Self.room, with: database, pickleKey: pickleKey)
        let content: ClientJSON = ["msgtype": "m.file", "body": "holdliste.csv", "filename": "holdliste.csv",
                                   "info": ["mimetype": "text/csv", "size": .int(Int64(ciphertext.count))], "file": try JSONDecoder().decode(ClientJSON.self, from: JSONEncoder().encode(file))]
        return (sender.event(content: content, roomID: Self.room, ts: 5_000), ciphertext)
    }

    func ingest(_ event: ClientEvent) throws {
        try BatchIngestor(database: database).ingest(SyncBuilder.batch("s1", join: [Self.room: [event]]), firstSync: false,
                                                     config: config, keyring: RoomKeyring(pickleKey: pickleKey))
    }

    func answers() throws -> [ClientJSON] {
        try database.outbox.pending(limit: 100).compactMap {
            if case .send(_, _, let json) = $0.action { return JSONValue.parse(json) }
            return nil
        }
    }

    @Test func theFileIsDownloadedDecryptedAndImportedAndItsKeyIsNotKept() async throws {
        let (event, ciphertext) = try upload(csv)
        try ingest(event)
        let pending = try #require(try database.read { try $0.roster.pendingUploads() }.first)
        #expect(pending.mxcURI == "mxc://hs/roster")
        let sealed = try #require(pending.fileSecret)
        #expect(!sealed.contains("A256CTR"), "the attachment key is stored sealed")
        homeserver.on("/media/download/hs/roster") { _ in TransportResponse(status: 200, body: Data(ciphertext)) }
        _ = try await service.importDue()
        #expect(try database.read { try $0.roster.isStudent("@anna:hs") && $0.roster.isStudent("@bo:hs") })
        #expect(try answers().contains { $0["peerbot.kind"] == "roster" && $0["peerbot.error"] == nil })
        let handled = try database.read { try $0.roster.upload(eventID: event.eventID) }
        #expect(handled?.state == .done)
        #expect(handled != nil && handled?.fileSecret == nil, "the key outlived the import")
    }

    @Test func aFileWhoseBytesWereChangedIsRefusedAndNothingImported() async throws {
        let (event, ciphertext) = try upload(csv)
        try ingest(event)
        var bytes = ciphertext
        bytes[3] ^= 0x01
        let altered = bytes
        homeserver.on("/media/download/hs/roster") { _ in TransportResponse(status: 200, body: Data(altered)) }
        _ = try await service.importDue()
        #expect(try database.read { try $0.roster.isStudent("@anna:hs") } == false)
        let told = try answers()
        #expect(told.contains { $0["peerbot.kind"] == "error" }, "the supervisor is told: \(told)")
        #expect(try database.read { try $0.roster.pendingUploads() }.isEmpty)
    }
}
