// Tests for Matrix spec "Sending encrypted attachments": the file object's fields, AES-256-CTR
// round trip, the hash check and refusal of foreign key types.

import Foundation
import Testing
@testable import MatrixCrypto

@Suite struct AttachmentTests {
    @Test func anAttachmentRoundTripsAndItsFileObjectHasTheSpecFields() throws {
        let picture = (0..<5000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var (ciphertext, file) = AttachmentCipher.encrypt(picture)
        file.url = "mxc://example.org/abc"
        #expect(ciphertext.count == picture.count)
        #expect(ciphertext != picture)
        #expect(try AttachmentCipher.decrypt(ciphertext, file: file) == picture)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(file)) as? [String: Any]
        let key = try #require(json?["key"] as? [String: Any])
        #expect(key["kty"] as? String == "oct")
        #expect(key["alg"] as? String == "A256CTR")
        #expect(key["ext"] as? Bool == true)
        #expect(key["key_ops"] as? [String] == ["encrypt", "decrypt"])
        #expect(json?["v"] as? String == "v2")
        #expect(file.jsonValue.objectValue?["url"] == .string("mxc://example.org/abc"))
        let iv = try UnpaddedBase64.decode(file.iv)
        #expect(iv.count == 16 && iv.suffix(8).allSatisfy { $0 == 0 })
        #expect(try Base64URL.decode(file.key.k).count == 32)
        #expect(!file.key.k.contains("=") && !file.key.k.contains("+") && !file.key.k.contains("/"))
        #expect(try JSONDecoder().decode(EncryptedFile.self, from: JSONEncoder().encode(file)) == file)
    }

    @Test func twoEncryptionsOfTheSameFileShareNothing() {
        let (first, fileA) = AttachmentCipher.encrypt([UInt8](repeating: 1, count: 64))
        let (second, fileB) = AttachmentCipher.encrypt([UInt8](repeating: 1, count: 64))
        #expect(first != second)
        #expect(fileA.key.k != fileB.key.k && fileA.iv != fileB.iv)
    }

    @Test func anAlteredDownloadOrForeignKeyIsRefused() throws {
        let (ciphertext, file) = AttachmentCipher.encrypt(Array("notes".utf8))
        var altered = ciphertext
        altered[0] ^= 1
        #expect(throws: CryptoError.badHash) { try AttachmentCipher.decrypt(altered, file: file) }
        var v1 = file
        v1.v = "v1"
        #expect(throws: CryptoError.self) { try AttachmentCipher.decrypt(ciphertext, file: v1) }
        var gcm = file
        gcm.key.alg = "A256GCM"
        #expect(throws: CryptoError.self) { try AttachmentCipher.decrypt(ciphertext, file: gcm) }
        var shortKey = file
        shortKey.key.k = "AAAA"
        #expect(throws: CryptoError.badKey) { try AttachmentCipher.decrypt(ciphertext, file: shortKey) }
        var noHash = file
        noHash.hashes = [:]
        #expect(throws: CryptoError.malformed("sha256 hash missing")) { try AttachmentCipher.decrypt(ciphertext, file: noHash) }
        #expect(!String(describing: file).contains(file.key.k))
        #expect(!String(reflecting: file.key).contains(file.key.k))
        var dumped = ""
        dump(file, to: &dumped)
        #expect(!dumped.contains(file.key.k) && dumped.contains("A256CTR"))
    }

    @Test func anEmptyFileIsFine() throws {
        let (ciphertext, file) = AttachmentCipher.encrypt([UInt8]())
        #expect(try AttachmentCipher.decrypt(ciphertext, file: file) == [])
    }
}
