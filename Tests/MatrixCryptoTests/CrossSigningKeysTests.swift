import Testing
@testable import MatrixCrypto

@Suite struct CrossSigningKeysTests {
    let user = "@peerbot:hs"

    @Test func theSubkeysAreSignedByTheMasterAndTheDeviceBySelfSigning() throws {
        let keys = CrossSigningKeys()
        let selfSigning = try keys.selfSigningKeyObject(userID: user)
        let userSigning = try keys.userSigningKeyObject(userID: user)
        #expect(selfSigning["usage"] == .array([.string("self_signing")]))
        #expect(userSigning["usage"] == .array([.string("user_signing")]))
        #expect(selfSigning["keys"]?.objectValue?["ed25519:\(keys.selfSigningPublicKey)"] == .string(keys.selfSigningPublicKey))
        try JSONSigning.verify(selfSigning, entity: user, keyID: "ed25519:\(keys.masterPublicKey)", publicKey: keys.masterPublicKey)
        try JSONSigning.verify(userSigning, entity: user, keyID: "ed25519:\(keys.masterPublicKey)", publicKey: keys.masterPublicKey)

        let device = OlmAccount()
        let master = try keys.masterKeyObject(userID: user, deviceID: "DEV") { device.sign($0) }
        try JSONSigning.verify(master, entity: user, keyID: "ed25519:DEV", publicKey: device.identityKeys.ed25519)
        let deviceKeys: [String: JSONValue] = ["user_id": .string(user), "device_id": .string("DEV"),
                                               "keys": .object(["ed25519:DEV": .string(device.identityKeys.ed25519)])]
        let signed = try keys.signDevice(deviceKeys, userID: user)
        try JSONSigning.verify(signed, entity: user, keyID: "ed25519:\(keys.selfSigningPublicKey)", publicKey: keys.selfSigningPublicKey)
        #expect(throws: CryptoError.badSignature) {
            try JSONSigning.verify(signed, entity: user, keyID: "ed25519:\(keys.selfSigningPublicKey)", publicKey: keys.userSigningPublicKey)
        }
    }

    @Test func sealedKeysReopenOnlyUnderTheirPickleKey() throws {
        let keys = CrossSigningKeys()
        let pickleKey = PickleKey.random()
        let sealed = keys.sealed(key: pickleKey)
        let reopened = try CrossSigningKeys(sealed: sealed, key: pickleKey)
        #expect(reopened.masterPublicKey == keys.masterPublicKey)
        #expect(reopened.selfSigningPublicKey == keys.selfSigningPublicKey)
        #expect(reopened.userSigningPublicKey == keys.userSigningPublicKey)
        #expect(throws: CryptoError.wrongPickleKey) { _ = try CrossSigningKeys(sealed: sealed, key: PickleKey.random()) }
        #expect("\(keys)".contains("redacted"))
        #expect(throws: CryptoError.self) { _ = try CrossSigningKeys(sealed: pickleKey.seal([1, 2, 3]), key: pickleKey) }
    }
}
