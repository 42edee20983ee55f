import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning

/// What one batch did, for logs and benchmarks.
public struct BatchOutcome: Sendable, Equatable {
    public var events = 0
    public var handled = 0
    public var enqueued = 0
    /// Roster files waiting to be imported.
    public var uploads = 0
    /// What the batch's Olm to-device messages stored.
    public var roomKeys = RoomKeyIntake.Outcome()
}

/// Routes one `/sync` batch into the store: every effect and the next sync token in one transaction.
struct EventRouter {
    let context: BatchContext
    let writer: StoreWriter
    let logger: Logger
    var outcome = BatchOutcome()
    /// Per-batch look-ups for the thousands of plain messages in group rooms; emptied before each command but `!reflect`.
    var groupByRoom: [String: StudyGroupRecord?] = [:]
    var sessionsByGroup: [Int64: [SessionRecord]] = [:]
    /// The roster's names for the batch's commands; forgotten when a command that may change the roster runs.
    var roster: RosterNames?
    /// Opens and seals encryption secrets (an encrypted file's key); nil without `pickle_key_file`.
    var keyring: RoomKeyring?
    /// Decrypted events whose signatures are checked only once they would have an effect.
    var unverified: [String: [UnverifiedMessage]] = [:]
    /// Checks the likely commands' signatures beside the router (`authenticate` asks it).
    var checkingAhead: SignatureCheckAhead?
    /// The events this batch has handled, written just before the sync token.
    let marks = ProcessedMarks()

    /// Applies a batch. On the very first sync only invites are handled: history is never answered.
    /// With a `keyring`, encrypted events are decrypted first (`BatchDecryption`), in the same
    /// transaction, so the router reads plain and encrypted rooms alike.
    static func apply(_ sync: SyncResponse, backfill: [String: [ClientEvent]] = [:], firstSync: Bool,
                      context: BatchContext, writer: StoreWriter, logger: Logger, keyring: RoomKeyring? = nil) throws -> BatchOutcome {
        var router = EventRouter(context: context, writer: writer, logger: logger, keyring: keyring)
        for (roomID, invited) in sync.rooms.invite.sorted(by: { $0.key < $1.key }) {
            try router.isolated("invite \(roomID)") { try $0.handleInvite(roomID: roomID, invited) }
        }
        // Names are remembered even from the first sync: knowing who is who answers nothing.
        for (roomID, joined) in sync.rooms.join.sorted(by: { $0.key < $1.key }) {
            try router.rememberMemberNames(roomID: roomID, state: joined.state, timeline: joined.timeline.events)
        }
        router.roster = nil
        if !firstSync {
            var timelines: [String: [ClientEvent]] = [:]
            for (roomID, joined) in sync.rooms.join {
                // Without backfill the timeline's own array is shared, not copied event by event.
                timelines[roomID] = backfill[roomID].map { $0 + joined.timeline.events } ?? joined.timeline.events
            }
            if let keyring {
                var decryption = BatchDecryption(keyring: keyring, writer: writer, botUserID: context.botUserID,
                                                 now: context.now, logger: logger)
                timelines = try decryption.prepare(timelines)
                router.unverified = decryption.unverified
                Reclaimer.release(decryption.takeTables())
            }
            // Rooms by id: the order the router works in, which the signature checkers follow.
            let rooms = timelines.sorted(by: { $0.key < $1.key })
            router.checkingAhead = Self.checkAhead(router.unverified, rooms: rooms, prefix: context.config.commandPrefix)
            router.checkingAhead?.start(threads: Self.checkAheadThreads)
            // The checkers read the batch's messages: they stop before the batch ends, thrown or not.
            defer { router.checkingAhead?.finish() }
            router.marks.reserve(rooms.reduce(0) { $0 + $1.value.count })
            for (roomID, events) in rooms {
                try router.handleTimeline(roomID: roomID, events: events)
            }
            // The batch's decrypted events are freed beside the rest of the batch's work.
            Reclaimer.release((consume timelines, consume rooms))
            if keyring != nil { try router.tellUndecryptable() }
            for (roomID, left) in sync.rooms.leave.sorted(by: { $0.key < $1.key }) {
                try router.handleLoss(roomID: roomID, left)
            }
        }
        try router.marks.write(to: writer, at: context.now)
        try writer.sync.setToken(sync.nextBatch)
        // The batch's look-up tables are freed beside the commit's wait.
        Reclaimer.release(router.takeTables())
        return router.outcome
    }

    /// The per-batch look-up tables, left empty here: the router keeps its store access, which
    /// must never reach the reclaiming thread.
    mutating func takeTables() -> (groups: [String: StudyGroupRecord?], sessions: [Int64: [SessionRecord]], unverified: [String: [UnverifiedMessage]]) {
        defer { (groupByRoom, sessionsByGroup, unverified) = ([:], [:], [:]) }
        return (groupByRoom, sessionsByGroup, unverified)
    }

    mutating func handleTimeline(roomID: String, events: [ClientEvent]) throws {
        guard var room = try writer.rooms.find(id: roomID) else { return }
        // An event without an id can be neither remembered nor answered: a server bug, passed over.
        let stored = try writer.sync.processed(among: events.compactMap { $0.eventID.isEmpty ? nil : $0.eventID })
        for event in events where !event.eventID.isEmpty {
            outcome.events += 1
            let before = outcome
            let claims = marks.checkpoint
            do {
                try writer.savepoint {
                    let changes = writer.totalChanges
                    guard try marks.claim(event.eventID, roomID: room.roomID, stored: stored.contains(event.eventID), in: writer) else { return }
                    try handleEvent(event, room: &room)
                    // The processed mark is written with the batch's others, so any change is an effect.
                    if writer.totalChanges > changes || outcome != before { try authenticate(event) }
                }
            } catch let forged as ForgedMessage {
                outcome = before
                marks.undo(to: claims)
                room = try writer.rooms.find(id: roomID) ?? room
                refuse(forged, event: event, roomID: roomID)
            } catch where !StoreFailure.isTransient(error) {
                outcome = before
                marks.undo(to: claims)
                room = try writer.rooms.find(id: roomID) ?? room
                try setAside(event, room: room, error: error)
            }
        }
    }

    /// One event not handled before, inside its own savepoint: whatever it throws undoes only its own effects.
    mutating func handleEvent(_ event: ClientEvent, room: inout RoomRecord) throws {
        if event.isJoin(of: context.botUserID) {
            // The homeserver's clock, not ours, dates the join: a room the bot made carries our
            // clock's creation time, which may run ahead of the server's and hide early messages.
            if room.joinedAt.map({ event.sentAt < $0 }) ?? true {
                room.joinedAt = event.sentAt
                try writer.rooms.upsert(room)
            }
            return
        }
        guard let joinedAt = room.joinedAt, event.sentAt >= joinedAt else { return }
        if event.type == "m.room.tombstone" { return try handleTombstone(event, room: &room) }
        guard event.sender != context.botUserID else { return }
        switch event.type {
        case "m.room.message": try handleMessage(event, room: &room)
        case "m.room.member": try handleMembership(event, room: room)
        case "m.reaction": try handleReaction(event, room: room)
        case "m.room.redaction": try handleRedaction(event, room: room)
        default: break
        }
    }

    mutating func handleMessage(_ event: ClientEvent, room: inout RoomRecord) throws {
        guard !event.isRedacted else { return }
        let message = event.messageContent
        if message.relation?.isEdit == true {
            try handleEdit(event, message: message, room: room)
            return
        }
        if message.msgtype == .file {
            try handleFile(event, message: message, room: room)
            return
        }
        guard message.msgtype == .text, var body = message.body else { return }
        if message.hasReplyFallback { body = ReplyFallback.strip(body) }
        let prefix = context.config.commandPrefix
        let mentions = { message.mentionedUserIDs }
        // A user argument is read knowing who a pill or a name may stand for: the roster's
        // names and the display names members have in the bot's rooms.
        let parse = try CommandParser.parse(body, prefix: prefix, botUserID: context.botUserID, botDisplayName: nil,
                                            readingUsers: { UserNames(mentions: mentions(), botUserID: context.botUserID, known: try knownNames()) })
        if parse == .notCommand {
            try handlePlainMessage(event, body: body, room: room)
            return
        }
        var request = CommandRequest(room: room, sender: event.sender, eventID: event.eventID,
                                     role: try context.role(of: event.sender, in: writer),
                                     language: context.language(of: room), prefix: prefix)
        request.mentions = mentions()
        request.sentAt = context.eventTime(event)
        let reply: BotMessage
        switch CommandDecider.admit(parse, role: request.role, language: request.language, prefix: request.prefix) {
        case .ignore:
            try handlePlainMessage(event, body: body, room: room)
            return
        case .answer(let message):
            reply = message
        case .run(let written):
            // A command that may change groups, sessions, the roster or the names people are
            // known by (as its definition says) has the batch's look-ups read again.
            if written.name.definition.refreshesLookups {
                groupByRoom = [:]
                sessionsByGroup = [:]
                roster = nil
            }
            if room.kind == .group { try countContribution(event, room: room) }
            let changes = writer.totalChanges
            let command: Command
            (command, request.guarded) = try guardedCommand(written, event: event, request: request)
            if let notice = try answerPrivately(command, request: request) {
                reply = notice
            } else {
                reply = try CommandHandlers(context: context, writer: writer, logger: logger).run(command, request)
            }
            // A command may have changed the room (its language): later events in the batch see it.
            // One that changed nothing in the store (most answers) cannot have.
            if writer.totalChanges != changes { room = try writer.rooms.find(id: room.roomID) ?? room }
        }
        outcome.handled += 1
        logger.info("command", metadata: ["room": "\(room.roomID)", "sender": "\(event.sender)", "kind": "\(reply.kind.rawValue)"])
        logger.debug("command text", metadata: ["event": "\(event.eventID)", "body": "\(loggable(body))"])
        try enqueue(reply, in: room.roomID, replyTo: event.eventID, mention: event.sender)
    }

    mutating func enqueue(_ message: BotMessage, in roomID: String, replyTo: String? = nil, mention: String? = nil,
                          mentions: [String] = []) throws {
        try writer.enqueue(message, to: roomID, inReplyTo: replyTo, mention: mention, mentions: mentions, pills: try rosterNames().pills)
        outcome.enqueued += 1
    }
}
