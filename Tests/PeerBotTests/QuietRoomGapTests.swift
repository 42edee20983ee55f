import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// A room quiet for over 30 days whose timeline comes back cut: the month-old commands found by
/// paging back are taken as handled, even after housekeeping forgot their event ids.
@Suite struct QuietRoomGaps {
    @Test func pagingBackStopsAtEventsOlderThanTheRememberedIDs() async throws {
        let database = try AppDatabase.inMemory()
        let homeserver = ScriptedHomeserver()
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let holder = ConfigHolder(config)
        let client = MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver)
        let logger = Logger(label: "test")
        let sync = SyncService(client: client, database: database, config: holder,
                               provisioner: RoomProvisioner(client: client, database: database, config: holder, logger: logger),
                               outbox: Wakeup(), imports: Wakeup(), heartbeat: Heartbeat(), notifier: SystemdNotifier(environment: [:]), logger: logger)
        try database.write { writer in
            try writer.rooms.upsert(RoomRecord(roomID: "!sup:hs", kind: .supervisor, language: nil, groupName: nil, userID: nil, joinedAt: Date()))
        }
        let now = Date()
        let millis = { (date: Date) in Int64(date.timeIntervalSince1970 * 1000) }
        let recent = #"{"type":"m.room.message","sender":"@sup:hs","event_id":"$recent","origin_server_ts":\#(millis(now - 3600)),"content":{"msgtype":"m.text","body":"!help"}}"#
        let old = #"{"type":"m.room.message","sender":"@sup:hs","event_id":"$old","origin_server_ts":\#(millis(now - 40 * 86_400)),"content":{"msgtype":"m.text","body":"!groups create"}}"#
        homeserver.on("/rooms/!sup:hs/messages", #"{"chunk":[\#(recent),\#(old)],"end":"t1"}"#)
        let response = SyncResponse(nextBatch: "s2", rooms: .init(join: ["!sup:hs": JoinedRoom(timeline: Timeline(events: [], limited: true, prevBatch: "t0"))]))
        let missing = try await sync.fillGaps(response, now: now)
        #expect(missing["!sup:hs"]?.map(\.eventID) == ["$recent"])
    }
}
