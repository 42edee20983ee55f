import Foundation
import MatrixClient
import MatrixCrypto

extension DeviceKeyKeeper {
    /// What `/keys/device_signing/upload` and `/keys/signatures/upload` take to make `keys` the
    /// account's cross-signing identity and vouch for this device: the master key signed by
    /// this device too, the two other keys signed by the master, and this device's keys signed
    /// by the self-signing key. Nil before `start()`.
    func crossSigningDocuments(_ keys: CrossSigningKeys) throws -> CrossSigningDocuments? {
        guard let deviceID else { return nil }
        let account = self.account
        let master = try keys.masterKeyObject(userID: userID, deviceID: deviceID) { account.sign($0) }
        let device = try keys.signDevice(DeviceKeyDocuments.deviceKeys(account, userID: userID, deviceID: deviceID), userID: userID)
        return CrossSigningDocuments(
            deviceID: deviceID, master: try Self.client(.object(master)),
            selfSigning: try Self.client(.object(keys.selfSigningKeyObject(userID: userID))),
            userSigning: try Self.client(.object(keys.userSigningKeyObject(userID: userID))),
            signedDevice: try Self.client(.object(device)))
    }
}

/// The signed objects that publish a cross-signing identity and the device it vouches for.
struct CrossSigningDocuments: Sendable {
    let deviceID: String
    let master: ClientJSON
    let selfSigning: ClientJSON
    let userSigning: ClientJSON
    let signedDevice: ClientJSON
}
