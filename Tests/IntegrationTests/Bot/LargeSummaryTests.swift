import Foundation
import Testing

extension BotEngineTests {
    @Suite("A summary over 64 KiB")
    struct LargeSummary {
        /// The last student's answer brings the summary, so the deadline only has to lie beyond the
        /// eleven sends on busy cores; a passing run never waits for it.
        static let config = ["reflection_deadline": "240s", "wrap_up_before_end": "10s", "join_grace": "24h"]

        /// About 3.2 KB of UTF-8, different for every student and scope, starting with its tag.
        static func text(_ tag: String) -> String {
            let sentence = "Vi øvede overlevering med ISBAR, målte blodtryk og talte om væskebalance på afsnittet. "
            return tag + " " + String(repeating: sentence, count: 36)
        }

        @Test("six students reflect about 3 KB twice: the summary, over 64 KiB, reaches the supervisors whole, in parts")
        func aSummaryTooLargeForOneEventArrivesInParts() async throws {
            let cohort = try await CohortScenario.start(extra: Self.config, label: "large-summary")
            defer { cohort.bot.kill9() }
            let formed = try await cohort.formGroups(size: 6, seed: 3)
            #expect(formed.rooms.count == 1)
            let group = try #require(formed.rooms.first, "no group room")
            _ = try await cohort.command("!session planlæg alle +20s 40s Lang opsummering")
            let prompt = try await cohort.botMessage("the reflection prompt", in: group.roomID, seenBy: cohort.students[0],
                                                     timeout: Polling.patience) { $0.peerbotKind == "reflection_prompt" }
            // Twice each in the thread; the last student's one answer completes the group and
            // brings the summary, so it comes last.
            var tags: [String] = []
            for (index, student) in cohort.students.enumerated() {
                for turn in (index == cohort.students.count - 1 ? [1] : [1, 2]) {
                    let tag = "[student-\(index)-\(turn)]"
                    _ = try await student.sendInThread(Self.text(tag), root: prompt.eventID, in: group.roomID)
                    tags.append(tag)
                }
                try await Task.sleep(for: .seconds(1))
            }
            let session = prompt.peerbotSession
            _ = try await Polling.until("every part of the summary", timeout: Polling.patience, interval: .seconds(5)) {
                try cohort.bot.checkAlive()
                let parts = try await Self.summaryParts(cohort, session: session)
                return parts.first.flatMap { $0.content["peerbot.parts"]?.int } == parts.count && parts.count > 1 ? true : nil
            }
            let parts = try await Self.summaryParts(cohort, session: session)
            let all = parts.map(\.body).joined(separator: "\n")
            let size = parts.map { $0.content.text.utf8.count }.reduce(0, +)
            #expect(size > 65_536, "the summary's parts hold only \(size) bytes")
            for (index, part) in parts.enumerated() {
                #expect(part.content["peerbot.part"]?.int == index + 1)
                #expect(part.peerbotGroup == group.name)
                #expect(part.body.hasPrefix("(\(index + 1)/\(parts.count)) "))
            }
            for tag in tags {
                #expect(all.contains(Self.text(tag)), "\(tag) is missing from the summary or cut")
            }
        }

        /// The summary's parts as the supervisor sees them, in order (not replies to a command).
        static func summaryParts(_ cohort: CohortScenario, session: Int?) async throws -> [RoomEvent] {
            try await cohort.botPosts(in: cohort.supervisorRoom).filter {
                $0.peerbotKind == "summary" && $0.peerbotSession == session && $0.inReplyTo == nil
            }
        }
    }
}
