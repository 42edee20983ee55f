import Foundation
import MatrixClient
import PeerBotStore
import PeerLearning

/// The group room's topic, which names the group's next session; set again whenever that changes:
/// a session planned, moved or cancelled, and one that has ended.
struct GroupTopic {
    let writer: StoreWriter
    let config: BotConfig

    func update(_ group: StudyGroupRecord, now: Date) throws {
        let lookup = SessionLookup(reader: writer)
        let language = try lookup.language(ofGroup: group, or: config.language)
        let next = try writer.sessions.next(ofGroup: group.id, after: now).map(lookup.plan)
        try set(SessionPlanning.topic(next: next, timeZone: config.timeZone, language: language), of: group)
    }

    /// Sets the topic a decision has already written.
    func set(_ topic: String, of group: StudyGroupRecord) throws {
        try writer.outbox.enqueue(.state(roomID: SessionLookup(reader: writer).room(of: group), eventType: "m.room.topic", stateKey: "",
                                         contentJSON: JSONValue.object(["topic": .string(topic)]).jsonString()))
    }
}
