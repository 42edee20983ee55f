import GRDB

/// What every view of the store shares: the connection of the transaction it was opened in.
public class StoreAccess {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    /// The whole store, for a rule inside the store that spans aggregates (a session is planned
    /// only for an active group). Not public: outside the store a reader stays a reader.
    var store: StoreWriter { StoreWriter(db) }
}

/// Read access to the store, valid only inside `AppDatabase.read` or `AppDatabase.write`, by
/// aggregate: `reader.sessions.next(ofGroup:after:)`, `reader.outbox.pending(limit:)`.
///
/// A class so that a `StoreWriter` can be passed wherever a `StoreReader` is expected; each
/// aggregate's writing methods exist only on the view a `StoreWriter` gives.
public class StoreReader: StoreAccess {
    /// Reading the students on the roster, their names in rooms and the roster files uploaded.
    public var roster: RosterReader { RosterReader(db) }
    /// Reading the study groups, their members, and the proposals they are formed from.
    public var groups: GroupsReader { GroupsReader(db) }
    /// Reading the sessions planned for a group: schedule, goals, facilitator.
    public var sessions: SessionsReader { SessionsReader(db) }
    /// Reading who confirmed a session's goals, is ready to facilitate, was absent, asked or wrote.
    public var participation: ParticipationReader { ParticipationReader(db) }
    /// Reading the tasks given to a group or a student.
    public var tasks: TasksReader { TasksReader(db) }
    /// Reading the reflection rounds after sessions and the reflections in them.
    public var reflections: ReflectionsReader { ReflectionsReader(db) }
    /// Reading a student's own, extended deadline for a reflection or an assessment.
    public var deadlines: DeadlinesReader { DeadlinesReader(db) }
    /// Reading the assessment rounds, their peer ratings, and the supervisors' feedback.
    public var assessment: AssessmentReader { AssessmentReader(db) }
    /// Reading what the bot will send, is sending and sent, in batches and lanes.
    public var outbox: OutboxReader { OutboxReader(db) }
    /// Reading the sync position and the events already handled.
    public var sync: SyncReader { SyncReader(db) }
    /// Reading small values kept by key.
    public var settings: SettingsReader { SettingsReader(db) }
    /// Reading the rooms the bot manages, their refs and upgrades.
    public var rooms: RoomsReader { RoomsReader(db) }
    /// Reading other users' devices and keys, and which rooms are encrypted for whom.
    public var devices: DevicesReader { DevicesReader(db) }
    /// Reading the bot's own account, its encryption sessions and the key requests it sent.
    public var keys: KeysReader { KeysReader(db) }
    /// Reading encrypted events kept until their room key comes.
    public var undecrypted: UndecryptedReader { UndecryptedReader(db) }
    /// Reading the ledger of scheduled jobs that ran or failed.
    public var jobs: JobsReader { JobsReader(db) }
    /// Reading personal data as forgetting and retention see it, and the anonymous counts they leave.
    public var privacy: PrivacyReader { PrivacyReader(db) }
}

/// Read and write access inside the one transaction of `AppDatabase.write`.
public final class StoreWriter: StoreReader {
    /// The per-event savepoint's statements, held once the first savepoint opened them.
    var savepointStatements: SavepointStatements?

    public override var roster: RosterWriter { RosterWriter(db) }
    public override var groups: GroupsWriter { GroupsWriter(db) }
    public override var sessions: SessionsWriter { SessionsWriter(db) }
    public override var participation: ParticipationWriter { ParticipationWriter(db) }
    public override var tasks: TasksWriter { TasksWriter(db) }
    public override var reflections: ReflectionsWriter { ReflectionsWriter(db) }
    public override var deadlines: DeadlinesWriter { DeadlinesWriter(db) }
    public override var assessment: AssessmentWriter { AssessmentWriter(db) }
    public override var outbox: OutboxWriter { OutboxWriter(db) }
    public override var sync: SyncWriter { SyncWriter(db) }
    public override var settings: SettingsWriter { SettingsWriter(db) }
    public override var rooms: RoomsWriter { RoomsWriter(db) }
    public override var devices: DevicesWriter { DevicesWriter(db) }
    public override var keys: KeysWriter { KeysWriter(db) }
    public override var undecrypted: UndecryptedWriter { UndecryptedWriter(db) }
    public override var jobs: JobsWriter { JobsWriter(db) }
    public override var privacy: PrivacyWriter { PrivacyWriter(db) }
}

/// Reading the students on the roster, their names in rooms and the roster files uploaded.
public class RosterReader: StoreAccess {}

/// Reading and changing the students on the roster, their names in rooms and the roster files uploaded.
public final class RosterWriter: RosterReader {}

/// Reading the study groups, their members, and the proposals they are formed from.
public class GroupsReader: StoreAccess {}

/// Reading and changing the study groups, their members, and the proposals they are formed from.
public final class GroupsWriter: GroupsReader {}

/// Reading the sessions planned for a group: schedule, goals, facilitator.
public class SessionsReader: StoreAccess {}

/// Reading and changing the sessions planned for a group: schedule, goals, facilitator.
public final class SessionsWriter: SessionsReader {}

/// Reading who confirmed a session's goals, is ready to facilitate, was absent, asked or wrote.
public class ParticipationReader: StoreAccess {}

/// Reading and changing who confirmed a session's goals, is ready to facilitate, was absent, asked or wrote.
public final class ParticipationWriter: ParticipationReader {}

/// Reading the tasks given to a group or a student.
public class TasksReader: StoreAccess {}

/// Reading and changing the tasks given to a group or a student.
public final class TasksWriter: TasksReader {}

/// Reading the reflection rounds after sessions and the reflections in them.
public class ReflectionsReader: StoreAccess {}

/// Reading and changing the reflection rounds after sessions and the reflections in them.
public final class ReflectionsWriter: ReflectionsReader {}

/// Reading a student's own, extended deadline for a reflection or an assessment.
public class DeadlinesReader: StoreAccess {}

/// Reading and changing a student's own, extended deadline for a reflection or an assessment.
public final class DeadlinesWriter: DeadlinesReader {}

/// Reading the assessment rounds, their peer ratings, and the supervisors' feedback.
public class AssessmentReader: StoreAccess {}

/// Reading and changing the assessment rounds, their peer ratings, and the supervisors' feedback.
public final class AssessmentWriter: AssessmentReader {}

/// Reading what the bot will send, is sending and sent, in batches and lanes.
public class OutboxReader: StoreAccess {}

/// Reading and changing what the bot will send, is sending and sent, in batches and lanes.
public final class OutboxWriter: OutboxReader {}

/// Reading the sync position and the events already handled.
public class SyncReader: StoreAccess {}

/// Reading and changing the sync position and the events already handled.
public final class SyncWriter: SyncReader {}

/// Reading small values kept by key.
public class SettingsReader: StoreAccess {}

/// Reading and changing small values kept by key.
public final class SettingsWriter: SettingsReader {}

/// Reading the rooms the bot manages, their refs and upgrades.
public class RoomsReader: StoreAccess {}

/// Reading and changing the rooms the bot manages, their refs and upgrades.
public final class RoomsWriter: RoomsReader {}

/// Reading other users' devices and keys, and which rooms are encrypted for whom.
public class DevicesReader: StoreAccess {}

/// Reading and changing other users' devices and keys, and which rooms are encrypted for whom.
public final class DevicesWriter: DevicesReader {}

/// Reading the bot's own account, its encryption sessions and the key requests it sent.
public class KeysReader: StoreAccess {}

/// Reading and changing the bot's own account, its encryption sessions and the key requests it sent.
public final class KeysWriter: KeysReader {}

/// Reading encrypted events kept until their room key comes.
public class UndecryptedReader: StoreAccess {}

/// Reading and changing encrypted events kept until their room key comes.
public final class UndecryptedWriter: UndecryptedReader {}

/// Reading the ledger of scheduled jobs that ran or failed.
public class JobsReader: StoreAccess {}

/// Reading and changing the ledger of scheduled jobs that ran or failed.
public final class JobsWriter: JobsReader {}

/// Reading personal data as forgetting and retention see it, and the anonymous counts they leave.
public class PrivacyReader: StoreAccess {}

/// Reading and changing personal data as forgetting and retention see it, and the anonymous counts they leave.
public final class PrivacyWriter: PrivacyReader {}
