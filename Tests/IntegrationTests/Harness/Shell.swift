import Foundation

/// Runs helper commands (scripts/synapse.sh) without blocking the test's threads.
enum Shell {
    struct Result: Sendable {
        let status: Int32
        let output: String
    }

    /// Runs `executable` with `arguments`; output (stdout and stderr) is captured through a file.
    static func run(_ executable: URL, _ arguments: [String]) async throws -> Result {
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("peerbot-shell-\(RandomName.suffix()).log")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let pid = try ChildProcess.spawn(executable.path, arguments, outputPath: outputURL.path)
        let status = await ChildProcess.exitStatus(of: pid)
        let text = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Result(status: status, output: text)
    }

    /// Like `run`, but a non-zero status is an error carrying the output.
    @discardableResult
    static func check(_ executable: URL, _ arguments: [String]) async throws -> String {
        let result = try await run(executable, arguments)
        guard result.status == 0 else {
            let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
            throw HarnessError.commandFailed(command: command, status: result.status, output: result.output)
        }
        return result.output
    }
}
