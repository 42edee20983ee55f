extension ConfigKey {
    // The keys that shape the course: language, times, reflection, assessment, the patient guard.

    static let language: ConfigKey = ConfigKey(
        "language", .choice(["da", "en"]), default: "da",
        field: .choice(\.language),
        meaning: "language of new rooms, `da` or `en`; `!language`/`!sprog` changes one room",
        comment: ["Default language of rooms: da or en. `!language` changes one room."])

    static let timezone: ConfigKey = ConfigKey(
        "timezone", .custom, default: "Europe/Copenhagen",
        shown: { $0.timeZone.identifier },
        meaning: "IANA zone for every time typed or shown",
        comment: ["IANA time zone for every time students and supervisors type or read."])

    static let commandPrefix: ConfigKey = ConfigKey(
        "command_prefix", .custom, default: "!",
        shown: { $0.commandPrefix },
        meaning: "what starts a command; no spaces",
        comment: ["What starts a command."],
        example: [#"command_prefix: "!""#])

    static let groupSize: ConfigKey = ConfigKey(
        "group_size", .integer(2...12), default: "4",
        field: .integer(\.groupSize),
        meaning: "wished group size for `!groups plan`, 2–12",
        comment: ["Wished group size for `!groups plan` (2–12)."])

    static let goalLeadTime: ConfigKey = ConfigKey(
        "goal_lead_time", .duration, default: "24h",
        field: .duration(\.goalLeadTime),
        meaning: "goals message this long before a session; a session planned closer gets it two minutes after its first goal, at the latest at its start",
        comment: ["When the goals message is posted before a session starts."])

    static let sessionReminder: ConfigKey = ConfigKey(
        "session_reminder", .duration, default: "15m",
        field: .duration(\.sessionReminder),
        meaning: "short reminder to the group (a notifying message naming its members) this long before a session starts; "
            + "`0` sends none, and a session planned or moved closer than this gets none",
        comment: ["A short reminder to the group this long before a session starts (0: none)."])

    static let wrapUpBeforeEnd: ConfigKey = ConfigKey(
        "wrap_up_before_end", .duration, default: "10m",
        field: .duration(\.wrapUpBeforeEnd),
        meaning: "wrap-up prompt to the facilitator this long before the end",
        comment: ["When the wrap-up prompt reaches the facilitator before a session ends."])

    static let reflectionModel: ConfigKey = ConfigKey(
        "reflection_model", .choice(["rolfe", "gibbs", "custom"]), default: "rolfe",
        field: .choice(\.reflectionModel),
        meaning: "`rolfe` (What? So what? Now what?), `gibbs`, or `custom`",
        comment: ["Reflection model: rolfe (What? So what? Now what?), gibbs, or custom."])

    static let reflectionQuestions: ConfigKey = ConfigKey(
        "reflection_questions", .custom,
        shown: { listText($0.reflectionQuestions) },
        meaning: "list of questions; required with `custom`",
        comment: ["With reflection_model: custom, the questions to ask (a list)."],
        example: ["# reflection_questions:", #"#   - "Hvad gik godt?""#, #"#   - "Hvad vil du gøre anderledes?""#])

    static let reflectionDeadline: ConfigKey = ConfigKey(
        "reflection_deadline", .duration, default: "24h",
        field: .duration(\.reflectionDeadline),
        meaning: "time to reflect after a session; reminder at half-time",
        comment: ["How long students have to reflect after a session; a reminder comes halfway."])

    static let evaluationEvery: ConfigKey = ConfigKey(
        "evaluation_every", .integer(0...100), default: "3",
        field: .integer(\.evaluationEvery),
        meaning: "peer assessment after every N sessions, 0–100; `0` = only on `!evaluate`",
        comment: ["A peer-assessment round after every N sessions (0 = only on `!evaluate`)."])

    static let evaluationDeadline: ConfigKey = ConfigKey(
        "evaluation_deadline", .duration, default: "72h",
        field: .duration(\.evaluationDeadline),
        meaning: "how long an assessment round stays open",
        comment: ["How long a peer-assessment round stays open."])

    static let selfAssessment: ConfigKey = ConfigKey(
        "self_assessment", .bool, default: "false",
        field: .bool(\.selfAssessment),
        meaning: "students also rate themselves (themselves first, then the peers)",
        comment: ["Whether students also rate themselves."])

    static let minAnonymousComments: ConfigKey = ConfigKey(
        "min_anonymous_comments", .integer(1...20), default: "2",
        field: .integer(\.minAnonymousComments),
        meaning: "`!release` shows a student the peers' comments about them only when at least this many peers commented, 1–20",
        comment: ["!release shows a student the comments about them only when at least this many peers wrote",
                  "one (1–20); with fewer, a student could tell who wrote what."])

    static let overviewAt: ConfigKey = ConfigKey(
        "overview_at", .custom, default: "mon 08:00",
        shown: { $0.overviewAt.map(weeklyText) ?? "off" },
        meaning: "when the weekly overview goes to the supervisor room: a weekday (English or Danish) and a local time, or `off`. "
            + "Missed while the bot was down, it is posted once on return",
        comment: ["When the weekly course overview goes to the supervisor room: a weekday and a local time",
                  "(mon 08:00, mandag 8.00), or off."])

    static let joinGrace: ConfigKey = ConfigKey(
        "join_grace", .duration, default: "24h",
        field: .duration(\.joinGrace),
        meaning: "who has not joined their group room by then is reported to the supervisors",
        comment: ["Who has not joined their group room after this is reported to the supervisors."])

    static let patientGuard: ConfigKey = ConfigKey(
        "patient_guard", .choice(["redact", "mask", "off"]), default: "redact",
        field: .choice(\.patientGuard),
        meaning: "what happens to a student text with a patient identifier (CPR number, name after a title, room or bed, or a "
            + "`patient_guard_patterns` match): `redact` keeps a masked copy and redacts the message where it was posted "
            + #"(reason "patient identifier"), `mask` keeps a masked copy and leaves the message, `off` checks nothing. "#
            + "The student is told in their direct room either way",
        comment: ["Patient identifiers in what students write (CPR numbers with a real date, a name after a",
                  #"title such as hr./fru/Mr/Mrs, rooms and beds like "stue 4 seng 2"): redact (default) keeps a"#,
                  "masked copy and redacts the message where it was posted; mask keeps a masked copy only; off."])

    static let patientGuardPatterns: ConfigKey = ConfigKey(
        "patient_guard_patterns", .custom, defaultNote: "none",
        shown: { listText($0.patientGuardPatterns) },
        meaning: "list of extra regular expressions (ICU syntax, as NSRegularExpression reads it; case-sensitive unless the pattern "
            + "starts with `(?i)`), each match kept as `[skjult]`/`[hidden]`. `check-config` reports each bad pattern as "
            + "`patient_guard_patterns[N]`, N counting from 1",
        comment: ["Extra regular expressions to mask as [skjult]/[hidden], e.g. local journal numbers.",
                  "check-config names a bad one as patient_guard_patterns[N], counting from 1."],
        example: ["patient_guard_patterns: []", "#  - 'MRN[0-9]{6}'"])
}
