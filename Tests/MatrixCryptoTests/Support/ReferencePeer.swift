// Test support for the differential tests against vodozemac (the reference implementation of
// the Olm and Megolm specifications): a long-lived Python child speaking JSON lines.

import Foundation

/// Why the reference peer could not answer; carries the tail of its stderr.
struct ReferencePeerError: Error, CustomStringConvertible {
    let description: String
}

/// A Python script from Tests/MatrixCryptoTests/Reference run with the project venv's python.
final class ReferencePeer {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer = Data()

    /// The package root: $PEERBOT_TEST_ROOT, or three levels above this file's folder.
    static var packageRoot: URL {
        if let root = ProcessInfo.processInfo.environment["PEERBOT_TEST_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var python: URL { packageRoot.appendingPathComponent(".local/venv/bin/python") }

    static func script(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/MatrixCryptoTests/Reference/\(name)")
    }

    init(script: String) throws {
        let python = ReferencePeer.python
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw ReferencePeerError(description: "no python at \(python.path): run scripts/synapse.sh install")
        }
        // A child that died must surface as a thrown error with its stderr, not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = python
        process.arguments = [ReferencePeer.script(script).path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Sends one request and waits for its answer; an `error` answer is returned, not thrown,
    /// so a test can assert which error the reference gave.
    func call(_ request: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: request)
        line.append(0x0A)
        do {
            try input.fileHandleForWriting.write(contentsOf: line)
        } catch {
            throw failure("could not write to the reference peer")
        }
        guard let answerLine = readLine(),
              let answer = try JSONSerialization.jsonObject(with: answerLine) as? [String: Any] else {
            throw failure("the reference peer stopped answering")
        }
        return answer
    }

    /// As `call`, but an `error` answer is thrown.
    func expect(_ request: [String: Any]) throws -> [String: Any] {
        let answer = try call(request)
        if let error = answer["error"] as? String { throw ReferencePeerError(description: "reference: \(error)") }
        return answer
    }

    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    private func failure(_ what: String) -> ReferencePeerError {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return ReferencePeerError(description: "\(what) (exit \(process.terminationStatus)): \(stderr.suffix(2000))")
    }

    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.waitUntilExit() }
    }
}
