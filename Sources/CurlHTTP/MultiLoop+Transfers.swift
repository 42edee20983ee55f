import CCurl
import Foundation

/// Adding, completing and removing transfers; loop thread only.
extension MultiLoop {
    func add(_ transfer: Transfer) {
        do {
            let easy = try transfer.makeEasyHandle()
            let code = curl_multi_add_handle(multi, easy)
            guard code == CURLM_OK else {
                let message = String(cString: curl_multi_strerror(code))
                throw CurlError(code: Int(code.rawValue), message: "curl_multi_add_handle: \(message)")
            }
            active[ObjectIdentifier(transfer)] = transfer
        } catch {
            transfer.releaseEasyHandle()
            transfer.finish(.failure(error))
        }
    }

    /// Detaches the easy handle from the multi handle and frees it.
    func remove(_ transfer: Transfer) {
        if let easy = transfer.easy {
            _ = curl_multi_remove_handle(multi, easy)
        }
        transfer.releaseEasyHandle()
    }

    /// Resumes the caller of every transfer libcurl reports as done.
    func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            // The message is only valid until the handle is removed: copy what is needed.
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            var context: UnsafeMutableRawPointer?
            _ = ccurl_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &context)
            guard let context else { continue }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            let result: Result<HTTPResponse, any Error> = code == CURLE_OK
                ? .success(transfer.makeResponse())
                : .failure(transfer.makeError(code))
            active.removeValue(forKey: ObjectIdentifier(transfer))
            remove(transfer)
            transfer.finish(result)
        }
    }

    /// On shutdown: every transfer, running or not yet started, ends with `CancellationError`.
    func abandonAll(pending: [Command]) {
        for command in pending {
            if case .start(let transfer) = command {
                transfer.finish(.failure(CancellationError()))
            }
        }
        for transfer in active.values {
            remove(transfer)
            transfer.finish(.failure(CancellationError()))
        }
        active = [:]
    }
}
