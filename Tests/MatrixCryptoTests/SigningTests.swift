// Tests for Matrix spec appendix "Signing JSON": the canonical JSON examples and the
// published signatures made with the appendix's signing key seed.

import Crypto
import Foundation
import Testing
@testable import MatrixCrypto

private func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
}

private func canonical(_ text: String) throws -> String {
    String(decoding: try CanonicalJSON.encode(parse(text)), as: UTF8.self)
}

/// The appendix's key: seed YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1, entity "domain", key "ed25519:1".
private func specKey() throws -> Curve25519.Signing.PrivateKey {
    try Curve25519.Signing.PrivateKey(rawRepresentation: UnpaddedBase64.decode("YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"))
}

@Suite struct SigningTests {
    @Test(arguments: [
        ("{}", "{}"),
        (#"{"one": 1, "two": "Two"}"#, #"{"one":1,"two":"Two"}"#),
        (#"{"b": "2", "a": "1"}"#, #"{"a":"1","b":"2"}"#),
        (#"{"auth": {"success": true, "mxid": "@john.doe:example.com", "profile": {"display_name": "John Doe", "three_pids": [{"medium": "email", "address": "john.doe@example.org"}, {"medium": "msisdn", "address": "123456789"}]}}}"#,
         #"{"auth":{"mxid":"@john.doe:example.com","profile":{"display_name":"John Doe","three_pids":[{"address":"john.doe@example.org","medium":"email"},{"address":"123456789","medium":"msisdn"}]},"success":true}}"#),
        (#"{"a": "日本語"}"#, #"{"a":"日本語"}"#),
        (#"{"本": 2, "日": 1}"#, #"{"日":1,"本":2}"#),
        (#"{"a": "\u65E5"}"#, #"{"a":"日"}"#),
        (#"{"a": null}"#, #"{"a":null}"#),
        (#"{"a": -0, "b": 1e10}"#, #"{"a":0,"b":10000000000}"#),
    ])
    func specCanonicalExamples(input: String, expected: String) throws {
        #expect(try canonical(input) == expected)
    }

    @Test func controlCharactersAreEscapedAndNothingElse() throws {
        let value = JSONValue.object(["k": .string("a\"b\\c\n\u{01}\u{7F}\u{2028}é")])
        let text = String(decoding: try CanonicalJSON.encode(value), as: UTF8.self)
        #expect(text == "{\"k\":\"a\\\"b\\\\c\\n\\u0001\u{7F}\u{2028}é\"}")
    }

    @Test func fractionsHugeIntegersAndDeepNestingAreRefused() throws {
        #expect(throws: (any Error).self) { try parse(#"{"a": 1.5}"#) }
        #expect(throws: CryptoError.notCanonical("integer out of range")) {
            try CanonicalJSON.encode(.int(1 << 53))
        }
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: (any Error).self) { try parse(deep) }
    }

    @Test func specSignaturesAreReproduced() throws {
        let key = try specKey()
        let empty = try JSONSigning.sign([:], entity: "domain", keyID: "ed25519:1", key: key)
        #expect(empty["signatures"] == .object(["domain": .object(["ed25519:1": .string(
            "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ")])]))
        let two = try JSONSigning.sign(["one": .int(1), "two": .string("Two")], entity: "domain", keyID: "ed25519:1", key: key)
        #expect(two["signatures"]?.objectValue?["domain"]?.objectValue?["ed25519:1"] == .string(
            "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw"))
    }

    @Test func verifyingIgnoresUnsignedAndCatchesTampering() throws {
        let key = try specKey()
        let publicKey = UnpaddedBase64.encode(key.publicKey.rawRepresentation)
        var signed = try JSONSigning.sign(["one": .int(1)], entity: "domain", keyID: "ed25519:1", key: key)
        signed["unsigned"] = .object(["age": .int(5)])
        try JSONSigning.verify(signed, entity: "domain", keyID: "ed25519:1", publicKey: publicKey)
        // A second signer keeps the first signature valid.
        let other = Curve25519.Signing.PrivateKey()
        signed = try JSONSigning.sign(signed, entity: "@u:x", keyID: "ed25519:DEV", key: other)
        try JSONSigning.verify(signed, entity: "domain", keyID: "ed25519:1", publicKey: publicKey)
        var tampered = signed
        tampered["one"] = .int(2)
        #expect(throws: CryptoError.badSignature) {
            try JSONSigning.verify(tampered, entity: "domain", keyID: "ed25519:1", publicKey: publicKey)
        }
        #expect(throws: CryptoError.badSignature) {
            try JSONSigning.verify(signed, entity: "domain", keyID: "ed25519:2", publicKey: publicKey)
        }
        #expect(throws: CryptoError.badKey) {
            try JSONSigning.verify(signed, entity: "domain", keyID: "ed25519:1", publicKey: "AAAA")
        }
    }
}
