/// The sixth schema: a student taken off the roster keeps their history.
///
/// Shipped in migration "v6-roster" — never edit this text; add a later migration instead.
/// `!student remove` used to delete the roster row, and with it (by cascade) the student's
/// reflections and ratings, which silently changed closed rounds' WebPA scores. Now the row
/// stays, marked with when it was removed; only `forget` deletes it.
enum SchemaV6 {
    static let statements: [String] = [
        "ALTER TABLE student ADD COLUMN removedAt DATETIME",
    ]
}
