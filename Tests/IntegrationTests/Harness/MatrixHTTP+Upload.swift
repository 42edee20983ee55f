import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension MatrixHTTP {
    /// POSTs raw bytes (a media upload) and decodes the JSON answer; a non-2xx answer is an error.
    func upload(
        _ path: String, query: [String: String], data: Data, contentType: String, token: String,
        timeout: Duration = Polling.patience
    ) async throws -> JSON {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        var request = URLRequest(url: components.url!)
        request.httpMethod = "POST"
        request.timeoutInterval = Double(timeout.components.seconds) + 1
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = data
        let (body, response): (Data, URLResponse)
        do {
            (body, response) = try await MatrixHTTP.data(for: request)
        } catch {
            throw HarnessError.transport(method: "POST", path: path, underlying: "\(error)")
        }
        let json = (try? JSONDecoder().decode(JSON.self, from: body)) ?? .null
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw HarnessError.matrix(
                method: "POST", path: path, status: status, errcode: json["errcode"]?.string ?? "HTTP_\(status)",
                message: json["error"]?.string ?? String(decoding: body, as: UTF8.self))
        }
        return json
    }
}
