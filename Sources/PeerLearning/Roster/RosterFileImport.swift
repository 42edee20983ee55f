import Foundation

/// The decision on a roster file a supervisor posted, once it is downloaded and read: which
/// students are added or updated (a file is taken whole or not at all) and the answer.
public struct RosterFileImport: Sendable, Equatable {
    /// The students to add or update, in file order.
    public var upserts: [Student]
    /// The answer, in reply to the file, naming the supervisor who posted it.
    public var reply: BotMessage

    public init(upserts: [Student], reply: BotMessage) {
        self.upserts = upserts
        self.reply = reply
    }

    /// `file` is nil when the bytes are no CSV the bot can read. `known` are the file's user ids
    /// that have a roster record already (a removed student's too: they count as updated).
    /// `say` speaks the supervisor room's language.
    public static func decide(_ file: RosterImportResult?, known: Set<String>, say: Texts) -> RosterFileImport {
        guard let file else { return RosterFileImport(upserts: [], reply: say.roster.notACSV()) }
        guard file.isAcceptable else {
            return RosterFileImport(upserts: [], reply: say.roster.rosterRejected(problems: file.problems, headerProblem: file.headerProblem))
        }
        var seen = known
        let added = file.students.filter { seen.insert($0.userID).inserted }.count
        return RosterFileImport(upserts: file.students,
                                reply: say.roster.rosterImported(added: added, updated: file.students.count - added))
    }
}
