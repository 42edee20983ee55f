import Foundation

/// The export's tables as header and rows of text, ready for a CSV writer: one row per record,
/// yes/no as `true`/`false`, dates ISO 8601 in UTC, a group task's assignee as `group`.
public enum ExportTables {
    public static func reflections(_ records: [ExportReflection]) -> (header: [String], rows: [[String]]) {
        (["session", "group", "user_id", "name", "scope", "text", "late", "created_at"],
         records.map { [String($0.session), $0.group, $0.userID, $0.name, $0.scope, $0.text,
                        String($0.late), timestamp($0.createdAt)] })
    }

    public static func participation(_ records: [ExportParticipation]) -> (header: [String], rows: [[String]]) {
        (["session", "group", "user_id", "name", "messages", "confirmed_goals", "absent"],
         records.map { [String($0.session), $0.group, $0.userID, $0.name, String($0.messages),
                        String($0.confirmedGoals), String($0.absent)] })
    }

    public static func tasks(_ records: [ExportTask]) -> (header: [String], rows: [[String]]) {
        (["id", "group", "assignee", "text", "due", "done", "created_at"],
         records.map { [String($0.id), $0.group, $0.assignee ?? "group", $0.text, $0.due ?? "",
                        String($0.done), timestamp($0.createdAt)] })
    }

    /// "2026-12-03T13:00:00Z".
    public static func timestamp(_ date: Date) -> String {
        SessionTimeFormat.isoInstant(date)
    }
}
