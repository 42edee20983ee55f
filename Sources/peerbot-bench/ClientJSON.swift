import Foundation
import MatrixClient

/// The homeserver client's JSON type, named apart from MatrixCrypto's canonical one for files
/// that use both.
typealias ClientJSON = JSONValue

extension ClientJSON {
    /// Reads JSON bytes (MatrixCrypto's canonical output) as the client's JSON.
    init(jsonBytes: some Sequence<UInt8>) throws {
        self = try JSONDecoder().decode(ClientJSON.self, from: Data(jsonBytes))
    }

    /// The value as JSON bytes, for MatrixCrypto to read.
    var jsonData: Data { (try? JSONEncoder().encode(self)) ?? Data() }
}
