import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// One roster file whose download keeps failing never holds back another.
@Suite struct RosterImportIsolation {
    let database = try! AppDatabase.inMemory()
    let homeserver = ScriptedHomeserver()

    var service: RosterImportService {
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"], databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        return RosterImportService(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver), database: database,
                                   config: ConfigHolder(config), wakeup: Wakeup(), outbox: Wakeup(), logger: Logger(label: "test"))
    }

    func upload(_ name: String) throws {
        try database.write { writer in
            try writer.roster.addUpload(RosterUploadRecord(eventID: "$\(name)", roomID: "!sup:hs", sender: "@sup:hs",
                                                           mxcURI: "mxc://hs/\(name)", filename: "\(name).csv", size: 100, createdAt: Date()))
        }
    }

    func state(_ name: String) throws -> RosterUploadState? {
        try database.read { reader in try reader.roster.pendingUploads().contains { $0.eventID == "$\(name)" } } ? .pending : nil
    }

    @Test func aFileThatKeepsFailingWaitsAloneAndIsGivenUpAfterItsBound() async throws {
        homeserver.on("/media/download/hs/stuck", status: 502, #"{"errcode":"M_UNKNOWN","error":"bad gateway"}"#)
        homeserver.on("/media/download/hs/good", "matrix_id,name\n@anna:hs,Anna\n")
        try upload("stuck")
        try upload("good")
        let service = self.service
        let wait = try await service.importDue()
        #expect(try database.read { try $0.roster.isStudent("@anna:hs") })
        #expect(try state("stuck") == .pending)
        #expect(wait > 0 && wait <= 2)
        // The bound: after eight failed attempts the file is answered as failed and not tried again.
        for _ in 0..<RosterImportService.maximumAttempts {
            service.failures.withLock { failures in
                for key in failures.keys { failures[key]?.next = .distantPast }
            }
            _ = try await service.importDue()
        }
        #expect(try state("stuck") == nil)
        let downloads = homeserver.requests.filter { $0.url.contains("stuck") }.count
        #expect(downloads == RosterImportService.maximumAttempts)
    }
}
