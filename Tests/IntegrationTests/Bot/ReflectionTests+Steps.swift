import Foundation
import Testing

extension BotEngineTests.Reflection {
    typealias Texts = ReflectionTexts

    /// Once A's session has started, the editor adds a group task, and `!opgaver` lists it.
    func addGroupTask(_ cohort: CohortScenario, cast: ReflectionCast) async throws {
        let room = cast.groupA.roomID
        _ = try await cohort.botMessage("session_start in group A", in: room, seenBy: cast.editor, timeout: Polling.patience) {
            $0.peerbotKind == "session_start"
        }
        let added = try await cohort.command("!opgave tilføj gruppe \(Texts.task)", by: cast.editor, in: room).reply
        #expect(added.peerbotKind == "tasks" && added.peerbotError == nil, "the task was not added: \(added)")
        let listed = try await cohort.command("!opgaver", by: cast.editor, in: room).reply
        #expect(listed.peerbotKind == "tasks", "!opgaver answered: \(listed)")
        #expect(listed.body.contains(Texts.task), "!opgaver does not list the task: \(listed.body)")
    }

    /// The thread roots in both group rooms, and the private prompt in every student's direct room.
    func waitForPrompts(_ cohort: CohortScenario, cast: ReflectionCast) async throws -> GroupPrompts {
        let a = try await cohort.botMessage("the reflection prompt in group A", in: cast.groupA.roomID, seenBy: cast.editor,
                                            timeout: Polling.patience) { $0.peerbotKind == "reflection_prompt" }
        let b = try await cohort.botMessage("the reflection prompt in group B", in: cast.groupB.roomID, seenBy: cast.redactor,
                                            timeout: Polling.patience) { $0.peerbotKind == "reflection_prompt" }
        let prompts = GroupPrompts(a: a, b: b)
        for (group, prompt) in [(cast.groupA, a), (cast.groupB, b)] {
            #expect(prompt.peerbotGroup == group.name,
                    "the prompt in \(group.name) is marked \(prompt.peerbotGroup ?? "nothing")")
            let session = prompt.peerbotSession
            for student in group.students {
                let direct = try cast.direct(student)
                _ = try await cohort.botMessage("the private prompt to \(student.userID)", in: direct, seenBy: student) {
                    $0.peerbotKind == "reflection_prompt" && $0.peerbotSession == session
                }
            }
        }
        return prompts
    }

    /// A thread answer and its edit; once the bot has acknowledged it, a direct-room message, a
    /// thread answer in B and a `!refleksion` in a direct room go out, and the bot is killed the
    /// moment its ✅ on the first of them shows (it is then still sending the others' answers), and
    /// started again at once. Then the B answer is redacted and the last of A reflects by
    /// `!refleksion` in the group room.
    func reflectAcrossKill(
        _ cohort: CohortScenario, cast: ReflectionCast, prompts: GroupPrompts
    ) async throws -> SentReflections {
        let roomA = cast.groupA.roomID, roomB = cast.groupB.roomID
        let privateRoom = try cast.direct(cast.privateWriter), redactorRoom = try cast.direct(cast.redactor)
        var sent = SentReflections()
        let edited = try await cast.editor.sendInThread(Texts.original, root: prompts.a.eventID, in: roomA)
        try await cast.editor.edit(edited, to: Texts.edited, in: roomA)
        try await waitForCheckMark(cohort, on: edited, in: roomA, seenBy: cast.editor)
        let direct = try await cast.privateWriter.send(Texts.privateDirect, in: privateRoom)
        let redacted = try await cast.redactor.sendInThread(Texts.redacted, root: prompts.b.eventID, in: roomB)
        let command = try await cast.redactor.send("!refleksion \(Texts.redactorPrivate)", in: redactorRoom)
        try await waitForCheckMark(cohort, on: direct, in: privateRoom, seenBy: cast.privateWriter)
        try await cohort.bot.restart()

        sent.acknowledged = [
            (cast.editor, edited, roomA), (cast.privateWriter, direct, privateRoom), (cast.redactor, redacted, roomB),
        ]
        sent.commands = [(cast.redactor, command, redactorRoom)]
        for (student, eventID, roomID) in sent.acknowledged {
            try await waitForCheckMark(cohort, on: eventID, in: roomID, seenBy: student)
        }
        let ack = try await cohort.reply(to: command, in: redactorRoom, seenBy: cast.redactor)
        #expect(ack.peerbotKind == "reflection_ack", "!refleksion in the direct room answered: \(ack)")
        try await cast.redactor.redact(redacted, in: roomB)

        let last = try await cohort.command("!refleksion \(Texts.command)", by: cast.commander, in: roomA)
        #expect(last.reply.peerbotKind == "reflection_ack", "!refleksion in the group room answered: \(last.reply)")
        sent.commands.append((cast.commander, last.id, roomA))
        return sent
    }

    /// Waits until `viewer` sees the bot's ✅ on `eventID`.
    func waitForCheckMark(_ cohort: CohortScenario, on eventID: String, in roomID: String, seenBy viewer: TestUser) async throws {
        let botID = cohort.bot.userID
        _ = try await viewer.waitFor("the bot's ✅ on \(eventID)", timeout: Polling.patience, check: cohort.bot.checkAlive) {
            $0.roomID == roomID && $0.sender == botID && $0.type == "m.reaction"
                && $0.annotates == eventID && $0.reactionKey == "✅"
        }
    }

    /// The session's summary in the supervisor room (posted on its own, not as an answer to `!opsummering`).
    func waitForSummary(_ cohort: CohortScenario, session: Int, timeout: Duration) async throws -> RoomEvent {
        try await cohort.botMessage("the summary of #\(session)", in: cohort.supervisorRoom, seenBy: cohort.supervisor,
                                    timeout: timeout) {
            $0.peerbotKind == "summary" && $0.peerbotSession == session && $0.inReplyTo == nil
        }
    }

    /// After B's summary: a thread answer past the deadline, acknowledged, noted to the supervisors,
    /// and shown marked late by `!opsummering B`.
    func reflectLate(
        _ cohort: CohortScenario, cast: ReflectionCast, prompts: GroupPrompts, sent: inout SentReflections
    ) async throws -> (alert: RoomEvent, onDemand: RoomEvent) {
        let roomB = cast.groupB.roomID
        let late = try await cast.latecomer.sendInThread(Texts.late, root: prompts.b.eventID, in: roomB)
        sent.acknowledged.append((cast.latecomer, late, roomB))
        try await waitForCheckMark(cohort, on: late, in: roomB, seenBy: cast.latecomer)
        let name = cohort.name(of: cast.latecomer)
        let session = prompts.sessionB
        let alert = try await cohort.botMessage("the late reflection's alert", in: cohort.supervisorRoom,
                                                seenBy: cohort.supervisor) {
            $0.peerbotKind == "alert" && $0.peerbotSession == session && $0.body.contains(name)
        }
        #expect(alert.peerbotGroup == "B", "the late alert is marked \(alert.peerbotGroup ?? "with no group")")
        let onDemand = try await cohort.command("!opsummering B").reply
        #expect(onDemand.peerbotKind == "summary" && onDemand.peerbotSession == session, "!opsummering B answered: \(onDemand)")
        return (alert, onDemand)
    }
}
