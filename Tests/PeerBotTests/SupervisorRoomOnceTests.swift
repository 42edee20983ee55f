import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import Synchronization
import Testing
@testable import PeerBot

/// One supervisor room, ever: a creation that got no answer is looked for before trying again.
@Suite struct SupervisorRoomOnce {
    @Test func aCreationThatTimedOutIsAdoptedNotRepeated() async throws {
        let database = try AppDatabase.inMemory()
        let homeserver = ScriptedHomeserver()
        let config = BotConfig(homeserver: "http://hs", userID: "@bot:hs", accessToken: Secret("t"), supervisors: ["@sup:hs"],
                               databasePath: ":memory:", timeZone: ZoneRules.named("Europe/Copenhagen")!)
        let created = Mutex(false)
        homeserver.on("GET /_matrix/client/v3/account/whoami", #"{"user_id":"@bot:hs"}"#)
        homeserver.on("GET /_matrix/client/v3/joined_rooms") { _ in
            let rooms = created.withLock { $0 } ? #"["!made:hs"]"# : "[]"
            return TransportResponse(status: 200, body: Data(#"{"joined_rooms":\#(rooms)}"#.utf8))
        }
        // The marker is trusted only when the bot wrote it, so the room's state is read with senders.
        homeserver.on("/rooms/!made:hs/state",
                      #"[{"type":"org.peerbot.room","state_key":"","sender":"@bot:hs","event_id":"$m","origin_server_ts":1,"content":{"kind":"supervisor"}}]"#)
        // The homeserver made the room, but the answer was lost (a proxy's gateway timeout).
        homeserver.on("POST /_matrix/client/v3/createRoom") { _ in
            created.withLock { $0 = true }
            return TransportResponse(status: 504, body: Data(#"{"errcode":"M_UNKNOWN","error":"gateway timeout"}"#.utf8))
        }
        let provisioner = RoomProvisioner(client: MatrixClient(homeserver: "http://hs", accessToken: "t", transport: homeserver),
                                          database: database, config: ConfigHolder(config), logger: Logger(label: "test"))
        try await provisioner.prepare()
        #expect(homeserver.requests.filter { $0.url.hasSuffix("/createRoom") }.count == 1)
        #expect(try database.read { try $0.rooms.supervisor()?.roomID } == "!made:hs")
    }
}
