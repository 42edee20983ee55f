import Foundation
import Logging
import MatrixClient
import MatrixCrypto
import PeerBotStore
import PeerLearning
import ServiceLifecycle
import Synchronization
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
    /// A file whose download or import keeps failing is given up after this many attempts.
    static let maximumAttempts = 8
    let retry = OutboxRetry()
    /// Failed attempts per upload event and when the next may start: one stuck file never holds
    /// back the others.
    let failures = Mutex<[String: (count: Int, next: Date)]>([:])
    /// Opens the sealed key of an encrypted roster file; nil without `pickle_key_file`.
    let keyring: RoomKeyring?

    init(client: MatrixClient, database: AppDatabase, config: ConfigHolder, wakeup: Wakeup, outbox: Wakeup, logger: Logger,
         keyring: RoomKeyring? = nil) {
        self.keyring = keyring
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
                    let wait = try await importDue()
                    try await wakeup.wait(timeout: .seconds(wait))
                }
            }
        } catch is CancellationError {}
    }

    /// Tries every pending upload that is due once; returns the seconds until the next is due.
    func importDue() async throws -> Double {
        let uploads: [RosterUploadRecord]
        do {
            uploads = try database.read { try $0.roster.pendingUploads() }
        } catch {
            logger.error("pending roster files cannot be read; trying again", metadata: ["error": "\(error)"])
            return 5
        }
        var wait: Double = 60
        for upload in uploads {
            let now = Date()
            if let next = failures.withLock({ $0[upload.eventID]?.next }), next > now {
                wait = min(wait, next.timeIntervalSince(now))
                continue
            }
            do {
                try await importFile(upload)
                failures.withLock { $0[upload.eventID] = nil }
            } catch let error as BotStop {
                throw error
            } catch let error as CancellationError {
                throw error
            } catch {
                wait = min(wait, try failed(upload, error: error))
            }
        }
        return max(wait, 0.05)
    }

    /// Counts a failed attempt; after the bound, or for a refusal retrying cannot fix, the file is
    /// answered as failed. Returns the seconds until the next attempt.
    private func failed(_ upload: RosterUploadRecord, error: any Error) throws -> Double {
        let count = (failures.withLock { $0[upload.eventID]?.count } ?? 0) + 1
        let now = Date()
        let outcome = retry.decide(error, attempts: count - 1, queuedAt: now, now: now, jitter: Double.random(in: 0..<1))
        if case .stop(let errcode) = outcome { throw BotStop.tokenRejected(errcode) }
        if case .retry(let next, _) = outcome, count < Self.maximumAttempts {
            logger.warning("a roster file could not be handled; trying again later", metadata: ["event": "\(upload.eventID)", "attempt": "\(count)", "error": "\(error)"])
            failures.withLock { $0[upload.eventID] = (count, next) }
            return next.timeIntervalSince(now)
        }
        logger.warning("a roster file could not be handled; it is given up", metadata: ["event": "\(upload.eventID)", "error": "\(error)"])
        do {
            try finish(upload, state: .failed) { self.config.current.texts($0).groups.rosterUploadFailed() }
            failures.withLock { $0[upload.eventID] = nil }
        } catch {
            // Not even the failure can be written: set the file aside until the database recovers.
            failures.withLock { $0[upload.eventID] = (count, now + retry.cap) }
        }
        return 1
    }

    func importFile(_ upload: RosterUploadRecord) async throws {
        var data: Data?
        if let size = upload.size, size > Self.maximumBytes {
            data = nil
        } else {
            data = try await client.download(upload.mxcURI)
        }
        if let sealed = upload.fileSecret, let ciphertext = data {
            guard let plaintext = decryptAttachment(ciphertext, sealed: sealed) else {
                logger.warning("an encrypted roster file did not decrypt; it is given up", metadata: ["event": "\(upload.eventID)"])
                return try finish(upload, state: .failed) { self.config.current.texts($0).groups.rosterUploadFailed() }
            }
            data = plaintext
        }
        let config = self.config.current
        let now = Date()
        let outcome = RosterFile.read(data, maximumBytes: Self.maximumBytes)
        try database.write { writer in
            let language = try writer.rooms.find(id: upload.roomID)?.language(or: config.language) ?? config.language
            let file: RosterImportResult? = if case .checked(let result) = outcome { result } else { nil }
            var known = Set<String>()
            for student in file?.students ?? [] where try writer.roster.record(userID: student.userID) != nil { known.insert(student.userID) }
            let decision = RosterFileImport.decide(file, known: known, say: config.texts(language))
            for student in decision.upserts {
                try writer.roster.upsert(userID: student.userID, name: student.name, attributes: student.attributes, at: now)
            }
            try writer.roster.finishUpload(eventID: upload.eventID, state: .done)
            try writer.enqueue(decision.reply, to: upload.roomID, inReplyTo: upload.eventID, mention: upload.sender)
        }
        outbox.signal()
        logger.info("roster file handled", metadata: ["event": "\(upload.eventID)"])
    }

    /// The attachment's plaintext, or nil when its key does not open or its hash does not match.
    private func decryptAttachment(_ ciphertext: Data, sealed: String) -> Data? {
        guard let keyring, let json = try? keyring.pickleKey.open(sealed),
              let file = try? JSONDecoder().decode(EncryptedFile.self, from: Data(json)),
              let plaintext = try? AttachmentCipher.decrypt(ciphertext, file: file) else { return nil }
        return Data(plaintext)
    }

    private func finish(_ upload: RosterUploadRecord, state: RosterUploadState, _ message: @escaping @Sendable (Language) -> BotMessage) throws {
        let fallback = config.current.language
        try database.write { writer in
            let language = try writer.rooms.find(id: upload.roomID)?.language(or: fallback) ?? fallback
            try writer.roster.finishUpload(eventID: upload.eventID, state: state)
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
