import Foundation

/// The request/answer channel to one scripts/e2ee/nio_client.py process: one JSON request per
/// line with an `id`, one answer per request carrying that `id`.
actor NioConnection {
    private let channel: LineChannel
    /// Where the client's stderr goes (its log), for failure messages.
    let logURL: URL
    private var nextID = 1
    private var pending: [Int: CheckedContinuation<JSON, Error>] = [:]
    /// No more requests: the client stopped or its output ended.
    private var ended = false
    private var stopped = false

    /// Starts the client with the test environment's Python; its log goes to `logURL`.
    init(environment: TestEnvironment, logURL: URL) throws {
        let python = environment.root.appendingPathComponent(".local/venv/bin/python").path
        let script = environment.root.appendingPathComponent("scripts/e2ee/nio_client.py").path
        channel = try LineChannel(python, [script], errorPath: logURL.path)
        self.logURL = logURL
    }

    /// Begins reading answers; call once, right after `init`.
    func start() {
        channel.startReading(
            onLine: { [weak self] line in
                guard let answer = try? JSONDecoder().decode(JSON.self, from: Data(line.utf8)) else { return }
                Task { await self?.deliver(answer) }
            },
            onEnd: { [weak self] in Task { await self?.endOfOutput() } })
    }

    /// Sends one request; returns its `result`, or throws the client's error (with its log's tail).
    @discardableResult
    func request(_ op: String, _ arguments: [String: JSON] = [:], timeout: Duration = Polling.patience) async throws -> JSON {
        guard !ended else { throw HarnessError.commandFailed(command: "nio \(op)", status: -1, output: "the client has stopped") }
        let id = nextID
        nextID += 1
        var body = arguments
        body["id"] = .number(Double(id))
        body["op"] = .string(op)
        let line = JSON.object(body).text
        return try await withCheckedThrowingContinuation { continuation in
            pending[id] = continuation
            do {
                try channel.write(line)
            } catch {
                pending.removeValue(forKey: id)?.resume(throwing: error)
                return
            }
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(id, op: op, after: timeout)
            }
        }
    }

    /// Ends the client's input (its cue to stop) and waits for it to exit.
    func stop() async {
        guard !stopped else { return }
        stopped = true
        ended = true
        await channel.finish()
    }

    /// The last lines of the client's log.
    nonisolated func logTail(lines: Int = 30) -> String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    private func deliver(_ answer: JSON) {
        guard let id = answer["id"]?.int, let continuation = pending.removeValue(forKey: id) else { return }
        if answer["ok"]?.bool == true {
            continuation.resume(returning: answer["result"] ?? .null)
        } else {
            let error = answer["error"]?.string ?? answer.text
            continuation.resume(throwing: HarnessError.commandFailed(command: "nio request \(id)", status: 1,
                                                                     output: "\(error)\n\(logTail(lines: 15))"))
        }
    }

    private func endOfOutput() {
        ended = true
        let tail = logTail()
        for continuation in pending.values {
            continuation.resume(throwing: HarnessError.commandFailed(command: "nio_client.py", status: -1,
                                                                     output: "the client exited\n\(tail)"))
        }
        pending = [:]
    }

    private func expire(_ id: Int, op: String, after timeout: Duration) {
        pending.removeValue(forKey: id)?.resume(
            throwing: HarnessError.timedOut(what: "the nio client to answer \(op)", after: timeout))
    }
}
