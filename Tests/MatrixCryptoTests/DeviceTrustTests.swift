import Crypto
import Testing
@testable import MatrixCrypto

/// A user's keys as a client publishes them: devices self-signed, cross-signing optional.
private struct PublishingUser {
    let userID: String
    let master = Curve25519.Signing.PrivateKey()
    let selfSigning = Curve25519.Signing.PrivateKey()

    static func b64(_ key: Curve25519.Signing.PublicKey) -> String { UnpaddedBase64.encode(key.rawRepresentation) }

    func device(_ id: String, signingKey: Curve25519.Signing.PrivateKey = .init(), curve: String = UnpaddedBase64.encode(Array(repeating: 7, count: 32)),
                crossSign: Bool = false) throws -> (object: [String: JSONValue], ed25519: String) {
        let ed = Self.b64(signingKey.publicKey)
        var object: [String: JSONValue] = [
            "user_id": .string(userID), "device_id": .string(id),
            "algorithms": .array([.string("m.olm.v1.curve25519-aes-sha2"), .string("m.megolm.v1.aes-sha2")]),
            "keys": .object(["curve25519:\(id)": .string(curve), "ed25519:\(id)": .string(ed)]),
        ]
        object = try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(id)", key: signingKey)
        if crossSign {
            object = try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(Self.b64(selfSigning.publicKey))", key: selfSigning)
        }
        return (object, ed)
    }

    func masterObject() throws -> [String: JSONValue] {
        let key = Self.b64(master.publicKey)
        return ["user_id": .string(userID), "usage": .array([.string("master")]), "keys": .object(["ed25519:\(key)": .string(key)])]
    }

    func selfSigningObject(signedBy signer: Curve25519.Signing.PrivateKey? = nil) throws -> [String: JSONValue] {
        let key = Self.b64(selfSigning.publicKey)
        let object: [String: JSONValue] = ["user_id": .string(userID), "usage": .array([.string("self_signing")]),
                                           "keys": .object(["ed25519:\(key)": .string(key)])]
        let signing = signer ?? master
        return try JSONSigning.sign(object, entity: userID, keyID: "ed25519:\(Self.b64(signing.publicKey))", key: signing)
    }
}

@Suite struct DeviceKeysChecking {
    private let anna = PublishingUser(userID: "@anna:hs")

    @Test func aSelfSignedDeviceIsReadAndAForgedOneIsNot() throws {
        let (object, ed) = try anna.device("PHONE")
        let device = try #require(DeviceKeysVerifier.device(object, userID: "@anna:hs", deviceID: "PHONE", crossSigning: nil))
        #expect(device.ed25519 == ed && !device.crossSigned)
        // A server that swaps the curve key (to read along) breaks the self-signature.
        var swapped = object
        swapped["keys"] = .object(["curve25519:PHONE": .string(UnpaddedBase64.encode(Array(repeating: 9, count: 32))), "ed25519:PHONE": .string(ed)])
        #expect(DeviceKeysVerifier.device(swapped, userID: "@anna:hs", deviceID: "PHONE", crossSigning: nil) == nil)
        // Keys listed under another user or device id are not that device's.
        #expect(DeviceKeysVerifier.device(object, userID: "@bo:hs", deviceID: "PHONE", crossSigning: nil) == nil)
        #expect(DeviceKeysVerifier.device(object, userID: "@anna:hs", deviceID: "LAPTOP", crossSigning: nil) == nil)
        var unsigned = object
        unsigned["signatures"] = nil
        #expect(DeviceKeysVerifier.device(unsigned, userID: "@anna:hs", deviceID: "PHONE", crossSigning: nil) == nil)
    }

    @Test func crossSigningNeedsTheMasterKeysSignatureOnTheSelfSigningKey() throws {
        let keys = try #require(DeviceKeysVerifier.crossSigning(master: try anna.masterObject(), selfSigning: try anna.selfSigningObject(),
                                                                userID: "@anna:hs"))
        #expect(keys.selfSigning == PublishingUser.b64(anna.selfSigning.publicKey))
        // Signed by some other key: no cross-signing to rely on.
        #expect(DeviceKeysVerifier.crossSigning(master: try anna.masterObject(), selfSigning: try anna.selfSigningObject(signedBy: .init()),
                                                userID: "@anna:hs") == nil)
        #expect(DeviceKeysVerifier.crossSigning(master: try anna.masterObject(), selfSigning: try anna.selfSigningObject(), userID: "@bo:hs") == nil)
        #expect(DeviceKeysVerifier.crossSigning(master: nil, selfSigning: try anna.selfSigningObject(), userID: "@anna:hs") == nil)

        let signed = try anna.device("PHONE", crossSign: true).object
        let plain = try anna.device("OLD").object
        #expect(DeviceKeysVerifier.device(signed, userID: "@anna:hs", deviceID: "PHONE", crossSigning: keys)?.crossSigned == true)
        #expect(DeviceKeysVerifier.device(plain, userID: "@anna:hs", deviceID: "OLD", crossSigning: keys)?.crossSigned == false)
    }
}

@Suite struct DeviceListMerging {
    func verified(_ id: String, curve: String = "C", ed: String = "E", crossSigned: Bool = false) -> VerifiedDeviceKeys {
        VerifiedDeviceKeys(userID: "@anna:hs", deviceID: id, curve25519: curve, ed25519: ed, crossSigned: crossSigned)
    }

    @Test func aDeviceWhoseKeysChangeIsBlockedForGoodAndReportedOnce() {
        let first = DeviceListUpdate.merge(known: [], queried: [verified("PHONE"), verified("LAPTOP", curve: "L")])
        #expect(first.devices.map(\.deviceID) == ["LAPTOP", "PHONE"] && first.keysChanged.isEmpty && first.removed.isEmpty)
        let changed = DeviceListUpdate.merge(known: first.devices, queried: [verified("PHONE", curve: "EVIL"), verified("LAPTOP", curve: "L")])
        #expect(changed.keysChanged.map(\.deviceID) == ["PHONE"])
        #expect(changed.devices.first { $0.deviceID == "PHONE" }?.blocked == true)
        // Reported once; it stays blocked even with its old keys back, and after it disappears and returns.
        let again = DeviceListUpdate.merge(known: changed.devices, queried: [verified("PHONE"), verified("LAPTOP", curve: "L")])
        #expect(again.keysChanged.isEmpty && again.devices.first { $0.deviceID == "PHONE" }?.blocked == true)
        let gone = DeviceListUpdate.merge(known: again.devices, queried: [verified("LAPTOP", curve: "L")])
        #expect(gone.removed.isEmpty && gone.devices.contains { $0.deviceID == "PHONE" && $0.blocked })
        let back = DeviceListUpdate.merge(known: gone.devices, queried: [verified("PHONE", curve: "NEW"), verified("LAPTOP", curve: "L")])
        #expect(back.devices.first { $0.deviceID == "PHONE" }?.blocked == true)
        #expect(DeviceTrust.trusted(back.devices, userHasCrossSigning: false).map(\.deviceID) == ["LAPTOP"])
    }

    @Test func aLoggedOutDeviceIsRemoved() {
        let known = DeviceListUpdate.merge(known: [], queried: [verified("PHONE"), verified("LAPTOP")]).devices
        let update = DeviceListUpdate.merge(known: known, queried: [verified("LAPTOP")])
        #expect(update.removed == ["PHONE"] && update.devices.map(\.deviceID) == ["LAPTOP"])
    }

    @Test func trustFollowsCrossSigningWhereTheUserHasItAndFirstUseWhereNot() {
        let devices = DeviceListUpdate.merge(known: [], queried: [verified("SIGNED", crossSigned: true), verified("UNSIGNED")]).devices
        #expect(DeviceTrust.trusted(devices, userHasCrossSigning: true).map(\.deviceID) == ["SIGNED"])
        #expect(DeviceTrust.trusted(devices, userHasCrossSigning: false).map(\.deviceID) == ["SIGNED", "UNSIGNED"])
    }
}

@Suite struct MegolmRotationRules {
    @Test func aSessionRotatesAfter100MessagesOr7DaysOrTheRoomsSmallerLimits() {
        let standard = MegolmRotation()
        #expect(!standard.mustRotate(messageIndex: 99, ageMs: 0))
        #expect(standard.mustRotate(messageIndex: 100, ageMs: 0))
        #expect(!standard.mustRotate(messageIndex: 0, ageMs: MegolmRotation.defaultPeriodMs - 1))
        #expect(standard.mustRotate(messageIndex: 0, ageMs: MegolmRotation.defaultPeriodMs))
        let room = MegolmRotation(roomPeriodMs: 60_000, roomMessages: 5)
        #expect(room.mustRotate(messageIndex: 5, ageMs: 0) && room.mustRotate(messageIndex: 0, ageMs: 60_000))
        // A room asking for more than the bot allows, or for nonsense, gets the bot's limits.
        let lax = MegolmRotation(roomPeriodMs: 30 * 24 * 3_600_000, roomMessages: 1000)
        #expect(lax == standard && MegolmRotation(roomPeriodMs: 0, roomMessages: -3) == standard)
        // A clock set back does not keep an old session alive forever, nor rotate on every message.
        #expect(!standard.mustRotate(messageIndex: 1, ageMs: -5_000))
    }
}
