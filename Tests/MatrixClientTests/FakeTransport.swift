import Foundation
import MatrixClient
import Synchronization

/// Answers requests from a script and records what was asked.
final class FakeTransport: HTTPTransport {
    private let state = Mutex<(requests: [TransportRequest], answers: [TransportResponse])>(([], []))

    init(_ answers: [TransportResponse]) {
        state.withLock { $0.answers = answers }
    }

    var requests: [TransportRequest] { state.withLock { $0.requests } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.answers.isEmpty else { throw URLError(.cannotConnectToHost) }
            return state.answers.removeFirst()
        }
    }
}

func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> TransportResponse {
    TransportResponse(status: status, headers: headers, body: Data(text.utf8))
}
