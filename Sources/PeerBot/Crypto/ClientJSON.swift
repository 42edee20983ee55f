import Foundation
import MatrixClient

/// The homeserver client's JSON type, named apart from MatrixCrypto's canonical one so files
/// that use both can tell them apart.
typealias ClientJSON = JSONValue
