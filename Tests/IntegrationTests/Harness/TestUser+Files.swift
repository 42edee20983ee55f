import Foundation

extension TestUser {
    /// `POST /_matrix/media/v3/upload`; returns the `mxc://` URI of the stored file.
    func upload(_ data: Data, filename: String, contentType: String) async throws -> String {
        let path = "/_matrix/media/v3/upload"
        let answer = try await http.upload(
            path, query: ["filename": filename], data: data, contentType: contentType, token: accessToken)
        guard let uri = answer["content_uri"]?.string else {
            throw HarnessError.badResponse(path: path, body: answer.text)
        }
        return uri
    }

    /// Uploads `text` and posts it as an `m.file` message, as a chat client does; returns the event id.
    @discardableResult
    func sendFile(_ text: String, filename: String, mimetype: String = "text/csv", in roomID: String) async throws -> String {
        let data = Data(text.utf8)
        let uri = try await upload(data, filename: filename, contentType: mimetype)
        let content: JSON = [
            "msgtype": "m.file",
            "body": .string(filename),
            "filename": .string(filename),
            "url": .string(uri),
            "info": ["mimetype": .string(mimetype), "size": .number(Double(data.count))],
        ]
        return try await sendEvent(type: "m.room.message", content: content, in: roomID)
    }
}
