import Dispatch
import Foundation
import MatrixCrypto

/// Checks the Ed25519 signatures of the messages most likely to have an effect on threads of its
/// own, in the order the router reaches them, while the router works through the batch. The
/// router asks for each verdict when it gets there: a message no thread has come to yet it checks
/// itself, one a thread is checking it waits for, so no signature is checked twice and none is
/// taken on trust. Only a verification that passed counts as checked.
final class SignatureCheckAhead: @unchecked Sendable {
    // Every field below `condition` is read and written only under it.
    private enum State: UInt8 { case waiting, checking, passed, failed }

    private let signatures: [DeferredMegolmSignature]
    /// Where each (event id, message slot) sits in `signatures`.
    private let places: [Place: Int]
    private let condition = NSCondition()
    private var states: [State]
    private var next = 0
    private var stopped = false
    private let threads = DispatchGroup()

    struct Place: Hashable {
        let eventID: String
        let slot: Int
    }

    /// `work`: the messages in the order the router will reach them. Nothing runs until `start`.
    init(_ work: [(place: Place, signature: DeferredMegolmSignature)]) {
        signatures = work.map(\.signature)
        var places: [Place: Int] = [:]
        places.reserveCapacity(work.count)
        for (index, item) in work.enumerated() where places[item.place] == nil { places[item.place] = index }
        self.places = places
        states = Array(repeating: .waiting, count: work.count)
    }

    /// Starts `threads` checkers (at least one) on the global queue.
    func start(threads count: Int) {
        guard !signatures.isEmpty else { return }
        for _ in 0..<max(1, count) {
            DispatchQueue.global(qos: .userInitiated).async(group: threads) { self.run() }
        }
    }

    /// Stops the checkers after the message each is on and waits for them: the batch's
    /// transaction must not end while a thread still reads its messages.
    func finish() {
        condition.lock()
        stopped = true
        condition.unlock()
        threads.wait()
    }

    /// Whether `signature`, the `slot`th message of `eventID`, verifies: the checkers' verdict when
    /// they have one, else checked here.
    func verifies(eventID: String, slot: Int, _ signature: DeferredMegolmSignature) -> Bool {
        guard let index = places[Place(eventID: eventID, slot: slot)], signatures[index] == signature else {
            return signature.isGenuine
        }
        condition.lock()
        while states[index] == .checking { condition.wait() }
        let state = states[index]
        if state == .waiting { states[index] = .checking }
        condition.unlock()
        return state == .waiting ? settle(index) : state == .passed
    }

    private func run() {
        while let index = take() { _ = settle(index) }
    }

    /// The next message nobody has started on, marked as being checked; nil when stopped or done.
    private func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < states.count, states[next] != .waiting { next += 1 }
        guard !stopped, next < states.count else { return nil }
        states[next] = .checking
        next += 1
        return next - 1
    }

    /// Verifies message `index` (marked checking by the caller) and publishes the verdict.
    private func settle(_ index: Int) -> Bool {
        let passed = signatures[index].isGenuine
        condition.lock()
        states[index] = passed ? .passed : .failed
        condition.broadcast()
        condition.unlock()
        return passed
    }
}

extension DeferredMegolmSignature {
    /// Whether the session's sender signed the message (`verify()` as a verdict).
    var isGenuine: Bool { (try? verify()) != nil }
}
