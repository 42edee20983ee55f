import CCurl
import Foundation

/// Creating, reading and freeing the easy handle; called on the loop thread only.
extension Transfer {
    /// Creates the easy handle with every option of `request` set.
    func makeEasyHandle() throws(CurlError) -> UnsafeMutableRawPointer {
        guard let easy = curl_easy_init() else {
            throw CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_easy_init failed")
        }
        self.easy = easy
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        buffer.initialize(to: 0)
        errorBuffer = buffer
        // The loop's table of active transfers keeps `self` alive while libcurl holds this pointer.
        let context = Unmanaged.passUnretained(self).toOpaque()

        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, buffer))
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context))
        try check(ccurl_easy_setopt_string(easy, CURLOPT_URL, request.url))
        try check(ccurl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        try check(ccurl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        try check(ccurl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds))
        try check(ccurl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, connectTimeout.curlMilliseconds))
        // An empty string asks for every encoding this libcurl can decode.
        try check(ccurl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        try setCallbacks(easy, context: context)
        let sendsBody = try setMethodAndBody(easy)
        try setHeaders(easy, sendsBody: sendsBody)
        return easy
    }

    /// Frees the easy handle and what it referenced; the loop has removed it from the multi
    /// handle first, so its connection stays in the multi handle's pool.
    func releaseEasyHandle() {
        if let easy { curl_easy_cleanup(easy) }
        curl_slist_free_all(headerList)
        errorBuffer?.deallocate()
        easy = nil
        headerList = nil
        errorBuffer = nil
    }

    func makeResponse() -> HTTPResponse {
        var status = 0
        if let easy { _ = ccurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status) }
        return HTTPResponse(status: status, headers: responseHeaders, body: responseBody)
    }

    func makeError(_ code: CURLcode) -> CurlError {
        if bodyTooLarge { return .tooLarge(limit: request.maxResponseBytes) }
        let detail = errorBuffer.map { String(cString: $0) } ?? ""
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return CurlError(code: Int(code.rawValue), message: message)
    }

    private func check(_ code: CURLcode) throws(CurlError) {
        if code != CURLE_OK { throw makeError(code) }
    }

    private func setCallbacks(_ easy: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer) throws(CurlError) {
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context))
        try check(ccurl_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            Transfer.receiveBody(data, length: size * count, context: context)
        })
        try check(ccurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context))
        try check(ccurl_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            Transfer.receiveHeaderLine(data, length: size * count, context: context)
        })
    }

    /// Returns whether a request body is sent.
    private func setMethodAndBody(_ easy: UnsafeMutableRawPointer) throws(CurlError) -> Bool {
        let method = request.method.uppercased()
        if method == "HEAD" {
            try check(ccurl_easy_setopt_long(easy, CURLOPT_NOBODY, 1))
            return false
        }
        let body = request.body ?? (["POST", "PUT", "PATCH"].contains(method) ? Data() : nil)
        if let body {
            try check(ccurl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            // COPYPOSTFIELDS copies the bytes now, so `body` need not outlive this call;
            // the explicit size above keeps NUL bytes in the body.
            let code = body.isEmpty
                ? ccurl_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                : body.withUnsafeBytes { bytes in
                    ccurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
            try check(code)
        }
        // POSTFIELDS made it a POST; any other method name replaces the verb on the wire.
        let needsVerb = method != "POST" && (method != "GET" || body != nil)
        if needsVerb {
            try check(ccurl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method))
        }
        return body != nil
    }

    private func setHeaders(_ easy: UnsafeMutableRawPointer, sendsBody: Bool) throws(CurlError) {
        var lines = request.headers.map { name, value in
            // "Name;" is libcurl's spelling for a header with an empty value.
            value.isEmpty ? "\(name);" : "\(name): \(value)"
        }
        let given = Set(request.headers.keys.map { $0.lowercased() })
        // Without these, libcurl would wait for "100 Continue" on large bodies and label
        // every body as a form.
        if !given.contains("expect") { lines.append("Expect:") }
        if sendsBody, !given.contains("content-type") { lines.append("Content-Type:") }
        for line in lines {
            guard let extended = curl_slist_append(headerList, line) else {
                throw CurlError(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_slist_append failed")
            }
            headerList = extended
        }
        try check(ccurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))
    }
}
