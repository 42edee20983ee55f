import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Deadlines judged by when a message was sent, for a bot that reads it later (down, restarting).
@Suite struct EventTime {
    func ms(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970 * 1000) }

    /// Delivers one message sent at `sent` that the bot reads at `read`.
    func deliver(_ driver: inout RoomDriver, _ body: String, from sender: String, in room: String, sent: Date, read: Date,
                 thread: String? = nil) throws -> ClientEvent {
        var content: [String: JSONValue] = ["msgtype": "m.text", "body": .string(body)]
        if let thread { content["m.relates_to"] = ["rel_type": "m.thread", "event_id": .string(thread)] }
        let event = driver.builder.event(sender: sender, ts: ms(sent), content: .object(content))
        driver.batch += 1
        try BatchIngestor(database: driver.database).ingest(SyncBuilder.batch("s\(driver.batch)", join: [room: [event]]),
                                                           firstSync: false, config: driver.config, now: read)
        return event
    }

    @Test func aReflectionSentBeforeTheDeadlineButReadAfterItIsOnTime() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        let event = try deliver(&driver, "Sendt i tide", from: "@bo:hs", in: "!groupA:hs", sent: round.deadline.addingTimeInterval(-3600),
                                read: round.deadline.addingTimeInterval(3600), thread: "$prompt")
        #expect(try driver.database.read { try $0.reflections.find(eventID: event.eventID)?.late } == false)
    }

    @Test func aReflectionSentAfterTheDeadlineIsLate() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        let event = try deliver(&driver, "For sent", from: "@bo:hs", in: "!groupA:hs", sent: round.deadline.addingTimeInterval(60),
                                read: round.deadline.addingTimeInterval(120), thread: "$prompt")
        #expect(try driver.database.read { try $0.reflections.find(eventID: event.eventID)?.late } == true)
    }

    @Test func aDirectMessageSentInsideTheWindowCountsThoughReadAfterIt() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        let windowEnd = round.deadline.addingTimeInterval(round.deadline.timeIntervalSince(round.promptedAt))
        let event = try deliver(&driver, "Privat refleksion", from: "@anna:hs", in: "!dmAnna:hs", sent: windowEnd.addingTimeInterval(-60),
                                read: windowEnd.addingTimeInterval(3600))
        #expect(try driver.database.read { try $0.reflections.find(eventID: event.eventID) } != nil)
    }

    @Test func aSendTimeEarlierThanTheBotsLastReadingIsNotBelieved() throws {
        let ended = try ReflectionFlow().endedSession()
        var driver = ended.0
        let session = ended.1
        let round = try #require(try driver.database.read { try $0.reflections.round(session: session.number) })
        // The bot has been reading messages until after the deadline; a server that claims a send
        // time a day before that is held to shortly before the bot's last reading: late.
        let read = round.deadline.addingTimeInterval(3600)
        _ = try deliver(&driver, "!help", from: "@cecilie:hs", in: "!groupA:hs", sent: read, read: read)
        let event = try deliver(&driver, "Bagudrettet", from: "@bo:hs", in: "!groupA:hs", sent: round.deadline.addingTimeInterval(-86_400),
                                read: read.addingTimeInterval(60), thread: "$prompt")
        #expect(try driver.database.read { try $0.reflections.find(eventID: event.eventID)?.late } == true)
    }

    @Test func theBoundsHoldForHostileTimestamps() {
        let config = RoomDriver().config
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        let context = BatchContext(config: config, now: now, lastHandled: now.addingTimeInterval(-3600))
        func event(_ ts: Int64) -> ClientEvent { ClientEvent(type: "m.room.message", sender: "@a:hs", eventID: "$x", originServerTS: ts, content: [:]) }
        #expect(context.eventTime(event(.max)) == now)
        #expect(context.eventTime(event(.min)) == now.addingTimeInterval(-3600 - BatchContext.clockSkewAllowance))
        #expect(context.eventTime(event(ms(now) - 60_000)) == now.addingTimeInterval(-60))
    }

    @Test func aRoomMadeByTheBotIsDatedByTheServersClock() throws {
        var driver = RoomDriver()
        // The bot's clock ran a minute ahead when it registered the room; the server dated the join earlier.
        let made = Date().addingTimeInterval(60)
        try driver.database.write { try $0.rooms.upsert(RoomRecord(roomID: "!made:hs", kind: .invited, language: nil, groupName: nil, userID: nil, joinedAt: made)) }
        let join = driver.builder.event("m.room.member", sender: RoomDriver.bot, ts: ms(Date()), content: ["membership": "join"], stateKey: RoomDriver.bot)
        let help = driver.builder.event(sender: RoomDriver.sup, ts: ms(Date()) + 5, content: ["msgtype": "m.text", "body": "!help"])
        try driver.deliver([join, help], in: "!made:hs")
        #expect(try driver.contents(in: "!made:hs").contains { $0["peerbot.kind"] == "help" })
    }
}

@Suite struct RatingTime {
    @Test func aRatingSentBeforeTheDeadlineCountsAndOneSentAfterItDoesNot() throws {
        var driver = try AssessmentFlow().driver()
        _ = try driver.say("!evaluer A")
        let round = try #require(try driver.database.read { try $0.assessment.openRounds().first })
        let read = round.deadline.addingTimeInterval(600)
        _ = try EventTime().deliver(&driver, "4 4 4 4 4", from: "@anna:hs", in: "!dmanna:hs", sent: round.deadline.addingTimeInterval(-60), read: read)
        _ = try EventTime().deliver(&driver, "3 3 3 3 3", from: "@bo:hs", in: "!dmbo:hs", sent: round.deadline.addingTimeInterval(60), read: read)
        let raters = try driver.database.read { try $0.assessment.ratings(round: round.id) }.map(\.rater)
        #expect(raters == ["@anna:hs"])
    }
}
