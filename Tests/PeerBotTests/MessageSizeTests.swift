import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning
import Testing
@testable import PeerBot

/// Every message fits the homeserver's event limit: too large ones go out as numbered parts.
@Suite struct MessageSizes {
    let database = try! AppDatabase.inMemory()

    func queued() throws -> [JSONValue] {
        try database.outbox.pending(limit: 100).compactMap { item in
            guard case .send(_, _, let json) = item.action else { return nil }
            return JSONValue.parse(json)
        }
    }

    /// Six students writing about 2.7 KB twice, and a 40 KB task: some 72 KB of text with quotes and HTML.
    func summary() -> BotMessage {
        let reflection = String(repeating: "Vi talte om \"hygiejne\" & <sår> – æøå. ", count: 70)
        let lines = (1...12).map { "Student \($0): " + reflection } + ["Opgave: " + String(repeating: "x", count: 40_000)]
        let body = lines.joined(separator: "\n")
        return BotMessage(kind: .summary, paragraph: body, group: "A", session: 3)
    }

    @Test func aSummaryOver64KiBIsQueuedWholeInPartsThatEachFit() throws {
        let message = summary()
        #expect(message.content().jsonString().utf8.count > MessageBudget.eventBytes)
        let first = try database.write { try $0.enqueue(message, to: "!sup:hs") }
        let parts = try queued()
        #expect(parts.count >= 2)
        #expect(try database.outbox.pending(limit: 1).first?.id == first.id)
        for (index, part) in parts.enumerated() {
            #expect(part.jsonString().utf8.count <= MessageBudget.contentBytes)
            #expect(part["peerbot.kind"] == "summary")
            #expect(part["peerbot.group"] == "A")
            #expect(part["peerbot.session"] == 3)
            #expect(part["peerbot.part"]?.intValue == Int64(index + 1))
            #expect(part["peerbot.parts"]?.intValue == Int64(parts.count))
            #expect(part["body"]?.stringValue?.hasPrefix("(\(index + 1)/\(parts.count)) ") == true)
        }
        // Nothing is dropped: every line comes back, in order (a line cut in two is two lines).
        let text = parts.compactMap { $0["body"]?.stringValue }.map { $0.drop { $0 != " " }.dropFirst() }.joined(separator: "\n")
        #expect(text.replacingOccurrences(of: "\n", with: "") == message.body.replacingOccurrences(of: "\n", with: ""))
    }

    @Test func aMessageThatFitsIsOneMessageWithoutPartMarks() throws {
        try database.write { try $0.enqueue(Texts(.en).tasks.tasksList(mine: [], group: [], names: [:]), to: "!g:hs") }
        let parts = try queued()
        #expect(parts.count == 1)
        #expect(parts.first?["peerbot.part"] == nil)
    }

    @Test func anEchoOfALongTaskIsCapped() {
        let task = TaskItem(id: 7, group: "A", assignee: nil, text: String(repeating: "y", count: 40_000), createdBy: "@sup:hs")
        let message = Texts(.en).tasks.taskAdded(task, assigneeName: nil)
        #expect(message.body.contains(String(repeating: "y", count: 300) + "…"))
        #expect(!message.body.contains(String(repeating: "y", count: 301)))
    }
}
