import Foundation

/// Why the integration harness could not do what a test asked; the description says what to fix.
enum HarnessError: Error, CustomStringConvertible {
    case missingEnvironment(variable: String, hint: String)
    case botBinaryMissing(path: String)
    case commandFailed(command: String, status: Int32, output: String)
    case matrix(method: String, path: String, status: Int, errcode: String, message: String)
    case transport(method: String, path: String, underlying: String)
    case badResponse(path: String, body: String)
    case timedOut(what: String, after: Duration)
    case botExited(status: Int32, logTail: String)
    case botNotRunning

    var description: String {
        switch self {
        case .missingEnvironment(let variable, let hint):
            return "\(variable) is not set. \(hint)"
        case .botBinaryMissing(let path):
            return "the peerbot binary is missing at \(path): build it with `swift build` (scripts/test.sh does)"
        case .commandFailed(let command, let status, let output):
            return "`\(command)` failed with status \(status):\n\(output)"
        case .matrix(let method, let path, let status, let errcode, let message):
            return "\(method) \(path) answered \(status) \(errcode): \(message)"
        case .transport(let method, let path, let underlying):
            return "\(method) \(path) failed: \(underlying)"
        case .badResponse(let path, let body):
            return "unexpected answer from \(path): \(body.prefix(500))"
        case .timedOut(let what, let after):
            return "timed out after \(after) waiting for \(what)"
        case .botExited(let status, let logTail):
            return "peerbot exited (status \(status)) while the test needed it running. Last lines of its log:\n\(logTail)"
        case .botNotRunning:
            return "peerbot is not running"
        }
    }

    /// The Matrix error code, when the homeserver answered with one.
    var errcode: String? {
        if case .matrix(_, _, _, let errcode, _) = self { return errcode }
        return nil
    }
}
