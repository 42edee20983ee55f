import Foundation
import PeerBotStore

/// A batch's view of the Megolm message indexes it decrypts: who used each, read from the store
/// for all the batch's messages in one statement, and the claims of its unchecked messages
/// written in one statement. It answers as the store would after each claim and record, so a
/// message used twice within the batch is still a replay.
///
/// Claims are only ever added where no event holds the index, so writing them late in their
/// order is the same as writing them one by one; a verified record, which may replace a claim,
/// is written at once, after the claims before it.
struct MessageIndexLedger {
    /// When the batch's claims and records are dated.
    let now: Date
    private var known: [MegolmIndex: MessageIndexUse] = [:]
    private var claims: [MessageIndexClaim] = []

    init(now: Date) { self.now = now }

    /// Reads who used `indexes` that are not known yet.
    mutating func readAhead(_ indexes: [MegolmIndex], from reader: UndecryptedReader) throws {
        let unknown = indexes.filter { known[$0] == nil }
        guard !unknown.isEmpty else { return }
        for (index, use) in try reader.messageIndexUses(unknown) { known[index] = use }
    }

    /// Who used `index`, as the store holds it with this batch's claims and records.
    mutating func use(_ index: MegolmIndex, in reader: UndecryptedReader) throws -> MessageIndexUse {
        if let use = known[index] { return use }
        let use = try reader.messageIndexUse(senderKey: index.senderKey, sessionID: index.sessionID, index: index.index)
        known[index] = use
        return use
    }

    /// Notes that unchecked `eventID` claims `index` (`UndecryptedWriter.claimMessageIndex`).
    mutating func claim(_ index: MegolmIndex, eventID: String, signature: [UInt8], in writer: StoreWriter) throws {
        // Always asked after `use`, so the index is known; were it not, the claim goes at once.
        guard let use = known[index] else {
            try flush(to: writer)
            try writer.undecrypted.claimMessageIndex(senderKey: index.senderKey, sessionID: index.sessionID, index: index.index,
                                                     eventID: eventID, signature: signature, at: now)
            return
        }
        switch use {
        case .unused, .forgotten:
            // A row is inserted where none is (below the floor too, as the single claim does).
            known[index] = .claimedBy(eventID, signature: signature)
            claims.append(MessageIndexClaim(index: index, eventID: eventID, signature: signature))
        case .usedBy, .claimedBy:
            break
        }
    }

    /// Records that verified `eventID` used `index` (`UndecryptedWriter.recordMessageIndex`).
    mutating func record(_ index: MegolmIndex, eventID: String, in writer: StoreWriter) throws {
        try flush(to: writer)
        try writer.undecrypted.recordMessageIndex(senderKey: index.senderKey, sessionID: index.sessionID, index: index.index,
                                                  eventID: eventID, at: now)
        switch known[index] {
        case .usedBy(let other) where other != eventID:
            break // another verified event keeps it
        case nil:
            break // not known: the next `use` reads the store
        default:
            known[index] = .usedBy(eventID)
        }
    }

    /// Writes the claims not written yet, in their order.
    mutating func flush(to writer: StoreWriter) throws {
        guard !claims.isEmpty else { return }
        try writer.undecrypted.claimMessageIndexes(claims, at: now)
        claims.removeAll(keepingCapacity: true)
    }
}
