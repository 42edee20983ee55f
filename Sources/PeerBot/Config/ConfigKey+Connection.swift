extension ConfigKey {
    // The keys that say who the bot is and where it keeps its state; they change only on restart.

    static let homeserver: ConfigKey = ConfigKey(
        "homeserver", .custom, .required, reload: .restart, defaultNote: "*required*",
        shown: { $0.homeserver },
        meaning: "client API base URL, `https://…` (or `http://`)",
        comment: ["The homeserver's client API base URL."],
        example: ["homeserver: https://matrix.example.org"])

    static let userID: ConfigKey = ConfigKey(
        "user_id", .custom, .required, reload: .restart, defaultNote: "*required*",
        shown: { $0.userID },
        meaning: "the bot's account, `@peerbot:example.org`; must own the token",
        comment: ["The bot's own Matrix account."],
        example: [#"user_id: "@peerbot:example.org""#])

    static let accessTokenFile: ConfigKey = ConfigKey(
        "access_token_file", .custom, .required, reload: .restart,
        shown: { "\($0.accessToken)" },
        meaning: "token file; a relative path is read from the config file's directory. One token source is required (section 3)",
        comment: ["The bot's access token (write it with `peerbot login`) comes from, in this order:",
                  "  access_token_file: a file path (relative paths are read from this file's folder);",
                  "  the environment variable PEERBOT_ACCESS_TOKEN;",
                  "  a systemd credential named access_token (config/peerbot.service loads",
                  "  /etc/peerbot/access_token with LoadCredential=, so under systemd leave this key out)."],
        example: ["# access_token_file: /etc/peerbot/access_token"])

    static let supervisors: ConfigKey = ConfigKey(
        "supervisors", .custom, .required, defaultNote: "*required*",
        shown: { $0.supervisors.joined(separator: ", ") },
        meaning: "list of Matrix user ids (at least one): they plan, form groups, read summaries, and are the only ones whose invites the bot accepts",
        comment: ["The clinical supervisors: they may plan, form groups, read summaries, and invite the bot."],
        example: ["supervisors:", #"  - "@vejleder:example.org""#])

    static let database: ConfigKey = ConfigKey(
        "database", .custom, reload: .restart,
        defaultNote: "`$STATE_DIRECTORY/peerbot.sqlite`, else `/var/lib/peerbot/peerbot.sqlite`",
        shown: { $0.databasePath },
        meaning: "SQLite file, created 0600. Under the unit only the state directory is writable: leave it unset",
        comment: ["SQLite file; default: $STATE_DIRECTORY/peerbot.sqlite (systemd), else /var/lib/peerbot/peerbot.sqlite."],
        example: ["# database: /var/lib/peerbot/peerbot.sqlite"])

    static let supervisorRoom: ConfigKey = ConfigKey(
        "supervisor_room", .custom, reload: .restart, defaultNote: "created on first start",
        shown: { $0.supervisorRoom ?? "(created on first start)" },
        meaning: "`#alias:server` or `!roomid` of an existing room",
        comment: ["The supervisors' room, as #alias:server or !roomid. Left out: the bot creates one on first",
                  "start and invites every supervisor."],
        example: [##"# supervisor_room: "#vejledere:example.org""##])

    static let encryptRooms: ConfigKey = ConfigKey(
        "encrypt_rooms", .bool, default: "false",
        field: .bool(\.encryptRooms),
        meaning: "create the supervisor, group and direct rooms end-to-end encrypted (`m.room.encryption`, `m.megolm.v1.aes-sha2`); "
            + "needs `pickle_key_file` (`check-config` says so). Rooms others made encrypted, or encrypted later, are followed either way",
        comment: ["Create the supervisor, group and direct rooms end-to-end encrypted. Needs pickle_key_file.",
                  "Rooms others made encrypted (or encrypt later) work the same either way."])

    static let pickleKeyFile: ConfigKey = ConfigKey(
        "pickle_key_file", .custom, reload: .restart, defaultNote: "— (no encryption keys)",
        shown: { $0.pickleKeyFile ?? "(none: no encryption keys)" },
        meaning: "file of exactly 32 random bytes, mode 0600 or a systemd credential, that seals the bot's encryption keys in the database; "
            + "`${CREDENTIALS_DIRECTORY}` is replaced by systemd's credential folder (section 3). Once set and used, it cannot be left out again",
        comment: ["The 32-byte key that seals the bot's end-to-end encryption keys in the database",
                  "(head -c 32 /dev/urandom > /etc/peerbot/pickle_key; chmod 600). config/peerbot.service hands",
                  "it over as the systemd credential pickle_key; ${CREDENTIALS_DIRECTORY} is replaced by that",
                  "folder (for `peerbot login`, which runs outside the service, by this file's folder). Set it",
                  "before `peerbot login`: login reads this file and, with the key, also makes the bot's device",
                  "keys and its cross-signing identity and signs the device, so clients show the bot as verified.",
                  "Left out: the bot has no device keys. Once it has keys it refuses to start without it.",
                  "Back it up with the database but store it apart (docs/admin-guide.md, section 8)."],
        example: ["# pickle_key_file: ${CREDENTIALS_DIRECTORY}/pickle_key"])

    static let undecryptableAfter: ConfigKey = ConfigKey(
        "undecryptable_after", .duration, default: "5m",
        field: .duration(\.undecryptableAfter),
        meaning: "an encrypted message whose room key has not reached the bot is kept (the key is asked for from the sender's devices) "
            + "and read when the key comes; after this long the sender is told the bot could not read it and asked to send it again",
        comment: ["An encrypted message whose key has not reached the bot is kept and read once the key comes",
                  "(the bot asks the sender's devices for it); after this long its sender is told, in their",
                  "language, that the bot could not read it and asked to send it again."])

    static let retentionDays: ConfigKey = ConfigKey(
        "retention_days", .integer(1...36500), defaultNote: "keep",
        field: .integer(\.retentionDays, absent: "(keep)"),
        meaning: "delete reflection texts and comments older than this, 1–36500",
        comment: ["Delete reflection texts and comments older than this many days (left out: keep)."],
        example: ["# retention_days: 365"])

    static let logLevel: ConfigKey = ConfigKey(
        "log_level", .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"], listed: true),
        default: "info", reload: .restart,
        field: .choice(\.logLevel),
        meaning: "`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`",
        comment: ["trace, debug, info, notice, warning, error, critical. Message text is logged only at debug/trace."])
}
