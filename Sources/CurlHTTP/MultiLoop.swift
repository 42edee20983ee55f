import CCurl
import Foundation

/// Owns the curl multi handle and the thread that drives it.
///
/// Other threads only append commands to the locked inbox and call `curl_multi_wakeup`
/// (the one multi function libcurl allows from any thread). Both happen under the inbox
/// lock and only before shutdown, so the loop can clean up the multi handle safely once it
/// has seen the shutdown flag.
final class MultiLoop: @unchecked Sendable {
    enum Command {
        case start(Transfer)
        case cancel(Transfer)
    }

    private struct Inbox {
        var commands: [Command] = []
        var isShutdown = false
    }

    /// Idle connections kept for reuse; a bot talks to one or two hosts.
    private static let maxCachedConnections = 16
    /// Upper bound on one poll; libcurl shortens it when a transfer timer is due sooner.
    private static let pollMilliseconds: Int32 = 1000

    let multi: UnsafeMutableRawPointer
    private let inbox = Locked(Inbox())
    /// Transfers added to the multi handle; loop thread only.
    var active: [ObjectIdentifier: Transfer] = [:]

    init() {
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed") }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, Self.maxCachedConnections)
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "curl-multi"
        thread.start()
    }

    /// Hands `transfer` to the loop; false once shut down.
    func submit(_ transfer: Transfer) -> Bool {
        post(.start(transfer))
    }

    /// Asks the loop to drop `transfer`'s easy handle; its caller has been resumed already.
    func cancel(_ transfer: Transfer) {
        _ = post(.cancel(transfer))
    }

    func shutdown() {
        inbox.withLock { inbox in
            guard !inbox.isShutdown else { return }
            inbox.isShutdown = true
            _ = curl_multi_wakeup(multi)
        }
    }

    private func post(_ command: Command) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.isShutdown else { return false }
            inbox.commands.append(command)
            _ = curl_multi_wakeup(multi)
            return true
        }
    }

    private func run() {
        var running: Int32 = 0
        while true {
            let (commands, isShutdown) = inbox.withLock { inbox in
                defer { inbox.commands = [] }
                return (inbox.commands, inbox.isShutdown)
            }
            if isShutdown {
                abandonAll(pending: commands)
                break
            }
            commands.forEach(apply)
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            _ = curl_multi_poll(multi, nil, 0, Self.pollMilliseconds, nil)
        }
        curl_multi_cleanup(multi)
    }

    private func apply(_ command: Command) {
        switch command {
        case .start(let transfer):
            guard !transfer.isCancelled else { return }
            add(transfer)
        case .cancel(let transfer):
            guard active.removeValue(forKey: ObjectIdentifier(transfer)) != nil else { return }
            remove(transfer)
        }
    }
}
