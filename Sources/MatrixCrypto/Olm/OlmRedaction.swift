// Issue "Encrypted rooms": nothing secret in `description`, `debugDescription` or a mirror
// (`dump`, debugger summaries) of the Olm specification's account and session state.

extension OlmSession: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the session by its public id only.
    public var description: String { "OlmSession(\(sessionID))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["sessionID": sessionID], displayStyle: .class) }
}

extension OlmAccount: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Public keys only.
    public var description: String { "OlmAccount(curve25519: \(identityKeys.curve25519))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["identityKeys": identityKeys, "storedOneTimeKeyCount": storedOneTimeKeyCount], displayStyle: .class)
    }
}

extension OlmInboundSession: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The session, never the plaintext.
    public var description: String { "OlmInboundSession(\(session.sessionID), \(plaintext.count) plaintext bytes)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["session": session], displayStyle: .struct) }
}

extension OlmSenderChain: CustomStringConvertible, CustomReflectable {
    var description: String { "OlmSenderChain(index: \(index))" }
    var customMirror: Mirror { Mirror(self, children: ["index": index]) }
}

extension OlmPublishableKey: CustomStringConvertible, CustomReflectable {
    var description: String { "OlmPublishableKey(\(keyID))" }
    var customMirror: Mirror { Mirror(self, children: ["keyID": keyID, "published": published]) }
}

extension OlmReceiverChain: CustomStringConvertible, CustomReflectable {
    var description: String { "OlmReceiverChain(index: \(index), skipped: \(skipped.count))" }
    var customMirror: Mirror { Mirror(self, children: ["index": index, "skipped": skipped.count]) }
}
