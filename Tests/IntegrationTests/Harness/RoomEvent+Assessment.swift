import Foundation

extension RoomEvent {
    /// `content["peerbot.subject"]`: the student an assessment request asks to rate.
    var peerbotSubject: String? { content["peerbot.subject"]?.string }
    /// `content["peerbot.scores"]`: user id → WebPA score text, on an assessment result.
    var peerbotScores: [String: String]? {
        content["peerbot.scores"]?.object?.compactMapValues(\.string)
    }
    /// When the homeserver received the event.
    var sentAt: Date { Date(timeIntervalSince1970: Double(originServerTS) / 1000) }
}
