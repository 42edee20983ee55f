import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

extension OutboxSender {
    /// The progress message is edited at most this often while a batch runs, and once at its end.
    static let progressInterval: TimeInterval = 30

    /// After an item of a batch is sent or given up, edits the batch's progress message when it
    /// is time: done, left and an estimate at the homeserver's current pace.
    func reportProgress(after item: OutboxItem) throws {
        try database.write { writer in
            guard let batch = try writer.outbox.openBatch(containing: item.id),
                  try writer.outbox.item(id: item.id)?.state != .pending else { return }
            try report(batch, writer: writer)
        }
    }

    /// A batch whose last row was settled just before the process died was never told so: its
    /// progress message gets its last edit when the sender starts.
    func finishSettledBatches() throws {
        try database.write { writer in
            for batch in try writer.outbox.openBatches() where try writer.outbox.counts(of: batch).pending == 0 {
                try report(batch, writer: writer)
            }
        }
    }

    private func report(_ batch: OutboxBatch, writer: StoreWriter) throws {
        let moment = now()
        let creationWait = limits.withLock { $0.creationWait }
        let counts = try writer.outbox.counts(of: batch)
        let finished = counts.pending == 0
        if !finished, let reported = batch.reportedAt, moment.timeIntervalSince(reported) < Self.progressInterval { return }
        let progress = BulkProgress(done: counts.sent, failed: counts.failed, left: counts.pending,
                                    creationsLeft: counts.pendingCreations, elapsed: moment.timeIntervalSince(batch.startedAt),
                                    secondsPerCreation: creationWait)
        let message = Texts(batch.language, prefix: prefix).delivery.bulkProgress(progress)
        try writer.enqueueMessage(Self.edit(of: batch.progressOutboxID, to: message), to: batch.roomID)
        try writer.outbox.recordBatchReport(id: batch.id, at: moment, finished: finished)
    }

    /// An `m.replace` edit of the message outbox row `outboxID` sends.
    static func edit(of outboxID: Int64, to message: BotMessage) -> JSONValue {
        let rendered = message.rendered
        let new = rendered.content()
        var content = new.objectValue ?? [:]
        content["body"] = .string("* " + rendered.body)
        if let html = rendered.html { content["formatted_body"] = .string("* " + html) }
        content["m.new_content"] = new
        content["m.relates_to"] = ["rel_type": "m.replace", "event_id": .string(OutboxAction.eventRef(outboxID))]
        return .object(content)
    }
}
