import Foundation

/// libcurl's write and header callbacks; they run on the loop thread inside curl_multi_perform.
extension Transfer {
    static func receiveBody(_ data: UnsafeMutablePointer<CChar>?, length: Int, context: UnsafeMutableRawPointer?) -> Int {
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        // libcurl hands over decoded bytes, so this also bounds what compression inflates to.
        guard transfer.responseBody.count + length <= transfer.request.maxResponseBytes else {
            transfer.bodyTooLarge = true
            return 0 // anything but `length` aborts the transfer with CURLE_WRITE_ERROR
        }
        transfer.responseBody.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    static func receiveHeaderLine(_ data: UnsafeMutablePointer<CChar>?, length: Int, context: UnsafeMutableRawPointer?) -> Int {
        guard let data, let context else { return 0 }
        let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        transfer.addHeaderLine(line)
        return length
    }

    /// Each status line starts a new response (e.g. after "100 Continue"); only the last counts.
    private func addHeaderLine(_ rawLine: String) {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            responseHeaders = [:]
            responseBody = Data()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        if let earlier = responseHeaders[name] {
            responseHeaders[name] = earlier + ", " + value
        } else {
            responseHeaders[name] = value
        }
    }
}
