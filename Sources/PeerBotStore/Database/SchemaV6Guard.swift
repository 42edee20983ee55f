/// The patient guard's mark on a reflection whose identifiers were masked before it was kept,
/// so the supervisors' summary can say so.
///
/// Shipped in migration "v6-guard" — never edit this text; add a later migration instead.
enum SchemaV6Guard {
    static let statements: [String] = [
        "ALTER TABLE reflection ADD COLUMN masked INTEGER NOT NULL DEFAULT 0 CHECK (masked IN (0, 1))",
    ]
}
