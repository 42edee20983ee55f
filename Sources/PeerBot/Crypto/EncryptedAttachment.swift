// Matrix spec, "Sending encrypted attachments": the bytes are encrypted before upload and the
// event carries a `file` object (url, key, iv, hashes, v) instead of `url`.

import Foundation
import MatrixClient
import MatrixCrypto

/// A file encrypted for an encrypted room: the ciphertext to upload and its `file` object.
struct EncryptedAttachment {
    let ciphertext: Data
    private let described: EncryptedFile

    static func seal(_ bytes: Data) -> EncryptedAttachment {
        let (ciphertext, file) = AttachmentCipher.encrypt(bytes)
        return EncryptedAttachment(ciphertext: Data(ciphertext), described: file)
    }

    /// The `file` object once the ciphertext is uploaded at `url`.
    func file(url: String) -> ClientJSON {
        var described = self.described
        described.url = url
        let text = (try? JSONEncoder().encode(described.jsonValue)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ClientJSON.parse(text) ?? [:]
    }
}
