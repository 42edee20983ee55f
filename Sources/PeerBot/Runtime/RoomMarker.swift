import MatrixClient

/// The state event that marks rooms the bot made, so an unrecorded one can be found again.
/// Only the bot's own marker counts: anyone with power in a room could write a copy.
enum RoomMarker {
    static let type = "org.peerbot.room"

    /// The marker's content when the bot itself sent the current one; nil for none or a forgery.
    static func trusted(in state: [ClientEvent], botUserID: String) -> JSONValue? {
        state.first { $0.type == type && $0.stateKey == "" && $0.sender == botUserID }?.content
    }
}

extension MatrixClient {
    /// The bot's own marker in a room; a room whose state cannot be read has none.
    func trustedMarker(roomID: String, botUserID: String) async throws -> JSONValue? {
        do {
            return RoomMarker.trusted(in: try await roomState(roomID: roomID), botUserID: botUserID)
        } catch let error as MatrixClientError where [403, 404].contains(error.matrixError?.status ?? 0) {
            return nil
        }
    }
}
