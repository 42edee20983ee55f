import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A file fetched from the media repository, with the type the server stated.
struct DownloadedMedia: Sendable {
    let data: Data
    let contentType: String?
}

extension TestUser {
    /// Fetches an `mxc://server/id` file through the authenticated media endpoint
    /// (`GET /_matrix/client/v1/media/download/{server}/{id}`) with this user's token.
    func download(_ uri: String) async throws -> DownloadedMedia {
        let parts = uri.hasPrefix("mxc://") ? uri.dropFirst("mxc://".count).split(separator: "/", maxSplits: 1) : []
        guard parts.count == 2 else { throw HarnessError.badResponse(path: "media download", body: "not an mxc URI: \(uri)") }
        let path = "/_matrix/client/v1/media/download/\(MatrixHTTP.segment(String(parts[0])))/"
            + MatrixHTTP.segment(String(parts[1]))
        var components = URLComponents(url: http.baseURL, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path
        var request = URLRequest(url: components.url!)
        request.httpMethod = "GET"
        request.timeoutInterval = 60
        request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization")
        let (body, response): (Data, URLResponse)
        do {
            (body, response) = try await MatrixHTTP.data(for: request)
        } catch {
            throw HarnessError.transport(method: "GET", path: path, underlying: "\(error)")
        }
        let http = response as? HTTPURLResponse
        let status = http?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            let json = (try? JSONDecoder().decode(JSON.self, from: body)) ?? .null
            throw HarnessError.matrix(
                method: "GET", path: path, status: status, errcode: json["errcode"]?.string ?? "HTTP_\(status)",
                message: json["error"]?.string ?? String(decoding: body, as: UTF8.self))
        }
        return DownloadedMedia(data: body, contentType: http?.value(forHTTPHeaderField: "Content-Type"))
    }
}
