/// A seventh-generation schema: when a session's first goal, outcome or activity was added, so
/// that a session planned closer than the goal lead time posts its goals message once it has
/// something to show instead of posting it empty.
///
/// Shipped in migration "v7-goals-wait" — never edit this text; add a later migration instead.
enum SchemaV7GoalsWait {
    static let statements: [String] = [
        "ALTER TABLE session ADD COLUMN goalsContentAt DATETIME",
    ]
}
