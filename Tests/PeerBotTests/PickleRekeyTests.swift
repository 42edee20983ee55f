import Foundation
import MatrixCrypto
import PeerBotStore
import Testing
@testable import PeerBot

@Suite struct PickleRekeying {
    let database = try! AppDatabase.inMemory()
    let old = PickleKey.random()
    let new = PickleKey.random()

    func store() throws -> (account: String, outbound: String, inbound: String) {
        let account = OlmAccount()
        let outbound = MegolmOutboundSession()
        let inbound = try MegolmInboundSession(sessionKey: outbound.sessionKey)
        let peer = OlmAccount()
        peer.generateOneTimeKeys(count: 1)
        let olm = try account.createOutboundSession(theirIdentityKey: peer.identityKeys.curve25519,
                                                    theirOneTimeKey: peer.unpublishedOneTimeKeys[0].key)
        let (a, o, i, s) = (account.pickle(key: old), outbound.pickle(key: old), inbound.pickle(key: old), olm.pickle(key: old))
        let (sessionID, senderKey, groupID) = (olm.sessionID, peer.identityKeys.curve25519, outbound.sessionID)
        let crossSigning = old.seal(Array(repeating: UInt8(7), count: 96))
        try database.write { writer in
            try writer.keys.createAccount(deviceID: "BOTDEV", pickle: a, at: Date())
            try writer.devices.saveCrossSigningKeys(masterKey: "M", pickle: crossSigning, at: Date())
            try writer.keys.saveOlmSession(sessionID: sessionID, senderKey: senderKey, pickle: s, at: Date())
            try writer.keys.replaceOutboundSession(roomID: "!g:hs", sessionID: groupID, pickle: o, at: Date())
            try writer.keys.saveMegolmSession(StoredMegolmSession(roomID: "!g:hs", senderKey: "K", sessionID: groupID, senderUserID: "@bot:hs",
                                                                  signingKey: "E", firstKnownIndex: 0, pickle: i), at: Date())
        }
        return (account.identityKeys.curve25519, outbound.sessionID, inbound.sessionID)
    }

    @Test func everyKeyOpensWithTheNewKeyAndNoLongerWithTheOld() throws {
        let ids = try store()
        #expect(try PickleRekey.reseal(database, from: old, to: new) == 5)
        let crossSigning = try #require(try database.read { try $0.devices.crossSigningKeys() })
        #expect(try new.open(crossSigning.pickle) == Array(repeating: 7, count: 96))
        let account = try #require(try database.read { try $0.keys.account() })
        #expect(try OlmAccount(pickle: account.pickle, key: new).identityKeys.curve25519 == ids.account)
        #expect(throws: CryptoError.wrongPickleKey) { _ = try OlmAccount(pickle: account.pickle, key: old) }
        let outbound = try #require(try database.read { try $0.keys.outboundSession(roomID: "!g:hs") })
        #expect(try MegolmOutboundSession(pickle: outbound.pickle, key: new).sessionID == ids.outbound)
        let inbound = try #require(try database.read { try $0.keys.megolmSession(roomID: "!g:hs", senderKey: "K", sessionID: ids.inbound) })
        #expect(try MegolmInboundSession(pickle: inbound.pickle, key: new).sessionID == ids.inbound)
    }

    @Test func theWrongCurrentKeyChangesNothing() throws {
        _ = try store()
        let before = try #require(try database.read { try $0.keys.account() }).pickle
        #expect(throws: PickleRekey.Failure.self) { try PickleRekey.reseal(database, from: PickleKey.random(), to: new) }
        #expect(try database.read { try $0.keys.account() }?.pickle == before)
    }
}
