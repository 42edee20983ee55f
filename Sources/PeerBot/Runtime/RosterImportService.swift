import Foundation
import Logging
import MatrixClient
import PeerBotStore
import PeerLearning
import ServiceLifecycle
import CSV

/// Fetches roster files noted by the router and imports each in one transaction, answering in
/// reply to the file: counts, or every bad line with its reason and nothing changed.
final class RosterImportService: Service, Sendable {
    let client: MatrixClient
    let database: AppDatabase
    let config: ConfigHolder
    let wakeup: Wakeup
    let outbox: Wakeup
    let logger: Logger
    /// Larger files are refused unread: a roster of thousands of students is far smaller.
    static let maximumBytes = 5 * 1024 * 1024

    init(client: MatrixClient, database: AppDatabase, config: ConfigHolder, wakeup: Wakeup, outbox: Wakeup, logger: Logger) {
        self.client = client
        self.database = database
        self.config = config
        self.wakeup = wakeup
        self.outbox = outbox
        self.logger = logger
    }

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [self] in
                while !Task.isCancelled {
                    for upload in try database.read({ try $0.pendingRosterUploads() }) {
                        try await importFile(upload)
                    }
                    try await wakeup.wait(timeout: .seconds(60))
                }
            }
        } catch is CancellationError {}
    }

    func importFile(_ upload: RosterUploadRecord) async throws {
        let data: Data?
        if let size = upload.size, size > Self.maximumBytes {
            data = nil
        } else {
            do {
                data = try await Retrying(logger: logger).run("download roster") { [client] in try await client.download(upload.mxcURI) }
            } catch let error as BotStop {
                throw error
            } catch let error as CancellationError {
                throw error
            } catch {
                logger.warning("could not download a roster file", metadata: ["event": "\(upload.eventID)", "error": "\(error)"])
                try finish(upload, state: .failed) { Texts.rosterUploadFailed(language: $0) }
                return
            }
        }
        let config = self.config.current
        let now = Date()
        let outcome = RosterFile.read(data, maximumBytes: Self.maximumBytes)
        try database.write { writer in
            let language = try writer.room(id: upload.roomID)?.language(or: config.language) ?? config.language
            let reply: BotMessage
            switch outcome {
            case .unreadable:
                reply = Texts.notACSV(language: language)
            case .checked(let result) where result.isAcceptable:
                var added = 0
                for student in result.students where try writer.upsertStudent(userID: student.userID, name: student.name, attributes: student.attributes, at: now) {
                    added += 1
                }
                reply = Texts.rosterImported(added: added, updated: result.students.count - added, language: language)
            case .checked(let result):
                reply = Texts.rosterRejected(problems: result.problems, headerProblem: result.headerProblem, language: language)
            }
            try writer.finishRosterUpload(eventID: upload.eventID, state: .done)
            try writer.enqueue(reply, to: upload.roomID, inReplyTo: upload.eventID, mention: upload.sender)
        }
        outbox.signal()
        logger.info("roster file handled", metadata: ["event": "\(upload.eventID)"])
    }

    private func finish(_ upload: RosterUploadRecord, state: RosterUploadState, _ message: @escaping @Sendable (Language) -> BotMessage) throws {
        let fallback = config.current.language
        try database.write { writer in
            let language = try writer.room(id: upload.roomID)?.language(or: fallback) ?? fallback
            try writer.finishRosterUpload(eventID: upload.eventID, state: state)
            try writer.enqueue(message(language), to: upload.roomID, inReplyTo: upload.eventID, mention: upload.sender)
        }
        outbox.signal()
    }
}

/// A roster file's bytes, read as CSV and checked.
public enum RosterFile {
    public enum Outcome: Sendable {
        case unreadable
        case checked(RosterImportResult)
    }

    public static func read(_ data: Data?, maximumBytes: Int) -> Outcome {
        guard let data, data.count <= maximumBytes, let text = RosterImport.text(fromFile: data) else { return .unreadable }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .checked(RosterImport.validate(header: [], rows: []))
        }
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            if reader.error != nil { return .unreadable }
            return .checked(RosterImport.validate(header: reader.headerRow ?? [], rows: rows))
        } catch {
            return .unreadable
        }
    }
}
