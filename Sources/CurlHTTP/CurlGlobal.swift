import CCurl

/// Process-wide libcurl initialisation, which must happen exactly once before any handle.
enum CurlGlobal {
    /// Swift initialises static lets lazily and exactly once, across threads.
    static let initResult: CURLcode = ccurl_global_init_all()

    static func ensureInitialised() {
        precondition(initResult == CURLE_OK, "curl_global_init failed: \(initResult.rawValue)")
    }
}
