// Issue "Encrypted rooms": nothing secret in `description` or `dump` — the Megolm session
// types (Megolm specification) and shared secret holders reflect only ids and indexes.

extension MegolmOutboundSession: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["sessionID": sessionID, "messageIndex": messageIndex], displayStyle: .class)
    }
}

extension MegolmInboundSession: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["sessionID": sessionID, "firstKnownIndex": firstKnownIndex], displayStyle: .class)
    }
}

extension MegolmRatchet: CustomStringConvertible, CustomReflectable {
    var description: String { "MegolmRatchet(index \(index))" }
    var customMirror: Mirror { Mirror(self, children: ["index": index], displayStyle: .struct) }
}

extension SecretBytes: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: ["count": count], displayStyle: .class) }
}

extension PickleKey: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension JSONWebKey: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["kty": kty, "alg": alg, "keyOps": keyOps, "ext": ext], displayStyle: .struct)
    }
}

extension EncryptedFile: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["url": url, "key": key, "v": v], displayStyle: .struct)
    }
}
