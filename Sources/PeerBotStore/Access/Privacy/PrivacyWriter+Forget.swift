import Foundation
import GRDB

extension AppDatabase {
    /// What stands, in rows that must stay (a group task, a session), for the user id of a
    /// forgotten student who created or closed them.
    public static let forgottenUserID = "@forgotten:peerbot.invalid"
}

extension PrivacyWriter {
    /// Erases one student's personal data and keeps only totals of what went (see
    /// `AnonymousCountKey`); returns those totals, zeros included.
    ///
    /// Gone: the roster entry with their memberships, confirmations, absences, readiness,
    /// reflections, tasks assigned to them, participation, assignments and ratings given and
    /// received, feedback to them (all cascade from the roster); their questions, pair
    /// history, direct room, room reference, proposals and job keys naming them; and every
    /// outbox row, pending or finished, that names them, goes to their direct room, or holds
    /// their name or a text of theirs. Rows that stay but name them as the one who acted
    /// (a group task they created, a session they facilitated) get
    /// `AppDatabase.forgottenUserID` or lose the name. Run `AppDatabase.compact()` afterwards
    /// so the freed pages are rewritten in the file. `date` is not stored: nothing is kept
    /// that could tell who was forgotten when.
    @discardableResult
    public func forget(userID: String, at date: Date) throws -> [String: Int] {
        let traces = try PersonalTraces(of: userID, in: store)
        var counts = try countPersonalData(of: userID)
        counts[AnonymousCountKey.outboxRows] = try deleteOutboxRows(matching: traces)
        try withMentionFunctions {
            try deleteRowsWithoutForeignKeys(of: userID)
            try anonymiseActor(userID)
            try db.execute(sql: "DELETE FROM student WHERE userID = ?", arguments: [userID])
            try replaceRemainingMentions(of: userID)
        }
        try addAnonymousCounts(counts)
        return counts
    }

    private func countPersonalData(of userID: String) throws -> [String: Int] {
        let queries: [(String, String)] = [
            (AnonymousCountKey.students, "SELECT count(*) FROM student WHERE userID = :u"),
            (AnonymousCountKey.reflections, "SELECT count(*) FROM reflection WHERE userID = :u"),
            (AnonymousCountKey.ratingsGiven, "SELECT count(*) FROM rating WHERE rater = :u"),
            (AnonymousCountKey.ratingsReceived, "SELECT count(*) FROM rating WHERE subject = :u"),
            (AnonymousCountKey.messages, "SELECT coalesce(sum(count), 0) FROM participation WHERE userID = :u"),
            (AnonymousCountKey.tasks, "SELECT count(*) FROM task WHERE assignee = :u"),
            (AnonymousCountKey.questions, "SELECT count(*) FROM goalsQuestion WHERE userID = :u"),
            (AnonymousCountKey.confirmations, "SELECT count(*) FROM goalsConfirmation WHERE userID = :u"),
            (AnonymousCountKey.feedback, "SELECT count(*) FROM feedback WHERE userID = :u"),
        ]
        var counts: [String: Int] = [:]
        for (key, sql) in queries {
            counts[key] = try Int.fetchOne(db, sql: sql, arguments: ["u": userID]) ?? 0
        }
        return counts
    }

    /// Rows that name the student but do not cascade from the roster.
    private func deleteRowsWithoutForeignKeys(of userID: String) throws {
        let statements = [
            "DELETE FROM goalsQuestion WHERE userID = :u",
            "DELETE FROM groupPair WHERE userA = :u OR userB = :u",
            "DELETE FROM room WHERE userID = :u",
            "DELETE FROM roomRef WHERE peerbot_mentions(ref, :u)",
            "DELETE FROM groupProposal WHERE createdBy = :u OR peerbot_mentions(proposalJSON, :u)",
            "DELETE FROM rosterUpload WHERE sender = :u",
            "DELETE FROM jobRun WHERE peerbot_mentions(jobKey, :u)",
            "DELETE FROM memberName WHERE userID = :u",
        ]
        for sql in statements {
            try db.execute(sql: sql, arguments: ["u": userID])
        }
    }

    /// Rows that stay because they belong to the group, where the student only acted.
    private func anonymiseActor(_ userID: String) throws {
        let statements = [
            "UPDATE session SET facilitator = NULL WHERE facilitator = :u",
            "UPDATE session SET facilitatorOverride = NULL WHERE facilitatorOverride = :u",
            "UPDATE session SET plannedBy = :f WHERE plannedBy = :u",
            "UPDATE task SET createdBy = :f WHERE createdBy = :u",
            "UPDATE task SET doneBy = :f WHERE doneBy = :u",
            #"UPDATE feedback SET "from" = :f WHERE "from" = :u"#,
            "UPDATE assessmentRound SET startedBy = :f WHERE startedBy = :u",
        ]
        for sql in statements {
            try db.execute(sql: sql, arguments: ["u": userID, "f": AppDatabase.forgottenUserID])
        }
    }
}
