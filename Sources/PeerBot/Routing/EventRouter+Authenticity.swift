// Megolm specification, "Decrypting a message": the MAC shows a message was made with the
// session's ratchet, which every member holding the room key has; only the Ed25519 signature
// shows the session's sender made it. Matrix spec, "m.megolm.v1.aes-sha2": a receiver must
// refuse a message index used twice (a replay).

import Foundation
import MatrixClient
import MatrixCrypto
import PeerBotStore

/// A decrypted event's Megolm message whose Ed25519 signature is still to check.
struct UnverifiedMessage: Equatable, Sendable {
    let index: MegolmIndex
    let signature: DeferredMegolmSignature
}

/// Thrown inside an event's savepoint when its signature does not verify: all its effects go.
struct ForgedMessage: Error {
    let reason: DecryptionRefusal = .badCiphertext
}

// Why checking the signature late holds (issue 19): a message is believed only once its
// signature verified, and nothing a message does is kept before that.
// - Effects: every effect of an event is a change in the store inside the event's own savepoint
//   (the router does no I/O); an event that changed anything besides its processed mark, or the
//   batch's counts, is checked before the savepoint is released, and a forged one throws, which
//   undoes all it did. An event without effect did nothing a forger could want; its processed
//   mark names the forger's own event id, which no genuine event shares.
// - Replays: an unchecked message still claims its index, with its signature bytes. The same
//   message under another event id has the same bytes and is refused as a replay, so an old
//   harmless message cannot be replayed later into a context where it would count.
// - Forged claims: a different message for a claimed index is checked at once; if it verifies,
//   it is the sender's and takes the index over, so a forged claim never keeps the genuine
//   message out. An index used by a verified message stays used.
// - Cost: a forged message may move the session's cached ratchet ahead before it is refused;
//   later messages then derive from the first known index, bounded by 4 × 256 hashes.
// - Kept events (their key came later) are not deferred: the signature is checked before the
//   ratchet moves or anything is stored. A message whose index the held key cannot reach is
//   checked at once, deferred or not, so only the sender's own messages are kept waiting
//   (`MegolmSignatureCheck`); a forgery is refused, not left to be given up and answered.
extension EventRouter {
    /// Checks the signatures of `event`'s decrypted messages before its effects are kept, and
    /// records their indexes as used by it; `ForgedMessage` when one does not verify.
    mutating func authenticate(_ event: ClientEvent) throws {
        guard let messages = unverified[event.eventID] else { return }
        for (slot, message) in messages.enumerated() {
            let passed = checkingAhead?.verifies(eventID: event.eventID, slot: slot, message.signature) ?? message.signature.isGenuine
            guard passed else { throw ForgedMessage() }
        }
        for message in messages {
            try writer.undecrypted.recordMessageIndex(senderKey: message.index.senderKey, sessionID: message.index.sessionID,
                                                      index: message.index.index, eventID: event.eventID, at: context.now)
        }
        // Checked: a second copy of the event in the batch needs no check.
        unverified[event.eventID] = nil
    }

    /// The messages that will most likely have an effect (commands: text that starts with the
    /// prefix), in the order the router reaches them (`rooms` in the router's order, then timeline
    /// order), for `SignatureCheckAhead` to check beside the router; nil when there are none.
    /// Guessing wrong costs time, not safety: the router asks for the verdict of every message it believes.
    static func checkAhead(_ unverified: [String: [UnverifiedMessage]], rooms: [(key: String, value: [ClientEvent])],
                           prefix: String) -> SignatureCheckAhead? {
        guard !unverified.isEmpty else { return nil }
        var work: [(place: SignatureCheckAhead.Place, signature: DeferredMegolmSignature)] = []
        for (_, events) in rooms {
            for event in events where event.type == "m.room.message" {
                guard let messages = unverified[event.eventID], event.content["body"]?.stringValue?.hasPrefix(prefix) == true else { continue }
                for (slot, message) in messages.enumerated() {
                    work.append((SignatureCheckAhead.Place(eventID: event.eventID, slot: slot), message.signature))
                }
            }
        }
        return work.isEmpty ? nil : SignatureCheckAhead(work)
    }

    /// Threads for `SignatureCheckAhead`: every core but the one the router runs on, at least one.
    static var checkAheadThreads: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) }

    func refuse(_ forged: ForgedMessage, event: ClientEvent, roomID: String) {
        logger.warning("encrypted message refused", metadata: [
            "event": "\(event.eventID)", "room": "\(roomID)", "sender": "\(event.sender)", "reason": "\(forged.reason.rawValue)",
        ])
    }
}
