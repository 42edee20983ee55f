// Olm specification, "Advancing the root key", "Sending normal messages" and "Receiving
// messages": our sending chain, and the root ratchet step each change of direction makes.

import Crypto

/// Our current sending chain: ratchet key T_i, chain key C_i,j and index j.
struct OlmSenderChain {
    let ratchetKey: Curve25519.KeyAgreement.PrivateKey
    var chainKey: SecretBytes
    var index: UInt64

    var publicRatchetKey: [UInt8] { Array(ratchetKey.publicKey.rawRepresentation) }

    /// M_i,j for the next message, moving the chain to C_i,j+1.
    mutating func nextMessageKey() -> (index: UInt64, key: SecretBytes) {
        let current = (index, OlmKeyDerivation.messageKey(chainKey))
        chainKey = OlmKeyDerivation.nextChainKey(chainKey)
        // Wrapping after 2^64 messages rather than trapping; no session comes near it.
        index &+= 1
        return current
    }
}

/// Our side of the root ratchet.
enum OlmSendingRatchet {
    /// We send on `chain`; `root` is R_i, the root its chain came from.
    case active(root: SecretBytes, chain: OlmSenderChain)
    /// The other side's ratchet key T_i is the newest; a new key of ours must follow before we
    /// send again. `root` is R_i.
    case inactive(root: SecretBytes, remoteRatchetKey: [UInt8])

    /// The sending chain, making a new ratchet key and root step first when inactive.
    func activated() throws(CryptoError) -> (root: SecretBytes, chain: OlmSenderChain) {
        switch self {
        case .active(let root, let chain):
            return (root, chain)
        case .inactive(let root, let remoteRatchetKey):
            let ratchetKey = Curve25519.KeyAgreement.PrivateKey()
            let agreement = try OlmKeyDerivation.diffieHellman(ratchetKey, remoteRatchetKey)
            let next = OlmKeyDerivation.advanceRoot(root, agreement: agreement)
            return (next.root, OlmSenderChain(ratchetKey: ratchetKey, chainKey: next.chain, index: 0))
        }
    }

    /// The root step for a new ratchet key of theirs: the receiver chain for it and the
    /// ratchet that replaces this one once a message on that chain has verified. Our sending
    /// chain is then discarded, as the specification requires.
    func receiving(_ remoteRatchetKey: [UInt8]) throws(CryptoError) -> (ratchet: OlmSendingRatchet, chain: OlmReceiverChain) {
        let (root, sender) = try activated()
        let agreement = try OlmKeyDerivation.diffieHellman(sender.ratchetKey, remoteRatchetKey)
        let next = OlmKeyDerivation.advanceRoot(root, agreement: agreement)
        return (.inactive(root: next.root, remoteRatchetKey: remoteRatchetKey),
                OlmReceiverChain(ratchetKey: remoteRatchetKey, chainKey: next.chain))
    }
}
