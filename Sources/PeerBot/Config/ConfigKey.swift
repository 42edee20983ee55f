/// One configuration key, declared once: the reader checks it by its kind and limits, `BotConfig`
/// takes its default, `check-config --settings` shows its value in force, and
/// `peerbot config-example` writes its lines of the example file and its row of the key table.
public struct ConfigKey: Sendable, Hashable {
    /// What a key holds, with the limits the reader enforces.
    public enum Kind: Sendable, Hashable {
        /// A whole number within the range, both ends included.
        case integer(ClosedRange<Int>)
        /// A duration such as 24h, 90m, 1h30m or 45s.
        case duration
        /// true/false (also yes/no, on/off).
        case bool
        /// One of the words, case-insensitive; `listed` says "one of a, b, c" instead of "a, b or c, got x".
        case choice([String], listed: Bool = false)
        /// A value whose checks are the key's own (a URL, a user id, a path, a list, a time).
        case custom
    }

    /// Whether `systemctl reload` applies a changed value or it waits for a restart.
    public enum Reload: Sendable, Hashable {
        case live
        case restart
    }

    /// Where the key appears in the example file.
    public enum Section: Sendable, Hashable {
        case required
        case optional
    }

    public let name: String
    public let kind: Kind
    public let section: Section
    /// The value when the key is left out, as it is written in YAML; nil when there is none.
    public let defaultText: String?
    public let reload: Reload
    /// The key table's "default" cell (docs/admin-guide.md section 7), in Markdown.
    public let defaultNote: String
    /// The key table's "meaning" cell, in Markdown.
    public let meaning: String
    /// The comment lines above the key in the example file, without their `# `.
    public let comment: [String]
    /// The example's value lines, as written; nil writes `name: defaultText`.
    public let example: [String]?
    /// The value in force, as `check-config --settings` shows it (never a secret).
    public let shown: @Sendable (BotConfig) -> String
    /// Where the reader stores the value; nil for a key whose checks are its own code's
    /// (`ConfigReader.read`), such as a URL, a list or a file.
    let field: ConfigField?

    init(_ name: String, _ kind: Kind, _ section: Section = .optional, default defaultText: String? = nil,
         reload: Reload = .live, defaultNote: String? = nil, shown: @escaping @Sendable (BotConfig) -> String,
         meaning: String, comment: [String], example: [String]? = nil) {
        self.init(name, kind, section, default: defaultText, reload: reload, defaultNote: defaultNote, field: nil,
                  shown: shown, meaning: meaning, comment: comment, example: example)
    }

    /// A key the reader stores in `field` by its kind, with no reading code of its own.
    init(_ name: String, _ kind: Kind, _ section: Section = .optional, default defaultText: String? = nil,
         reload: Reload = .live, defaultNote: String? = nil, field: ConfigField,
         meaning: String, comment: [String], example: [String]? = nil) {
        self.init(name, kind, section, default: defaultText, reload: reload, defaultNote: defaultNote, field: field,
                  shown: field.shown, meaning: meaning, comment: comment, example: example)
    }

    private init(_ name: String, _ kind: Kind, _ section: Section, default defaultText: String?, reload: Reload,
                 defaultNote: String?, field: ConfigField?, shown: @escaping @Sendable (BotConfig) -> String,
                 meaning: String, comment: [String], example: [String]?) {
        self.name = name
        self.kind = kind
        self.section = section
        self.defaultText = defaultText
        self.reload = reload
        self.defaultNote = defaultNote ?? defaultText.map { "`\($0)`" } ?? "—"
        self.meaning = meaning
        self.comment = comment
        self.example = example
        self.shown = shown
        self.field = field
    }

    public static func == (lhs: ConfigKey, rhs: ConfigKey) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The declared default read through `parse`; a default that does not parse is a
    /// programming error the unit tests catch (ConfigKeyTests).
    func parsedDefault<T>(_ parse: (String) -> T?) -> T {
        guard let text = defaultText, let value = parse(text) else {
            preconditionFailure("config key \(name): declared default \(defaultText ?? "nil") does not parse")
        }
        return value
    }
}
