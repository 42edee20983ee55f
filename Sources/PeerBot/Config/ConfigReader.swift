import Foundation
import Logging
import MatrixClient
import PeerLearning
import Yams

/// Walks the YAML mapping key by key, collecting problems instead of stopping at the first.
struct ConfigReader {
    let values: [String: Node]
    let baseDirectory: String
    let environment: [String: String]
    var problems: [ConfigProblem] = []

    init(root: Node.Mapping, baseDirectory: String, environment: [String: String]) {
        var values: [String: Node] = [:]
        var unknown: [ConfigProblem] = []
        for (key, value) in root {
            let name = key.string ?? "\(key)"
            if ConfigLoader.knownKeys.contains(name) {
                values[name] = value
            } else {
                unknown.append(ConfigProblem(key: name, message: "unknown key (known keys: see config/peerbot.example.yaml)"))
            }
        }
        self.values = values
        self.baseDirectory = baseDirectory
        self.environment = environment
        self.problems = unknown
    }

    mutating func read() -> BotConfig? {
        let homeserver = requiredString("homeserver")
        if let homeserver, URL(string: homeserver)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            problem("homeserver", "must be an http:// or https:// URL, got \"\(homeserver)\"")
        }
        let userID = requiredString("user_id")
        if let userID, !MatrixUserID.isValid(userID) { problem("user_id", "must be a Matrix user id like @peerbot:example.org") }
        let token = accessToken()
        let supervisors = supervisorList()
        let timeZone = zone()
        let database = string("database") ?? defaultDatabasePath()
        // Optional keys are checked even when a required one is missing, so every problem is reported at once.
        var config = BotConfig(homeserver: homeserver ?? "", userID: userID ?? "", accessToken: token ?? Secret(""),
                               supervisors: supervisors ?? [], databasePath: database, timeZone: timeZone ?? .utc)
        readOptional(into: &config)
        guard homeserver != nil, userID != nil, token != nil, supervisors != nil, timeZone != nil else { return nil }
        return config
    }

    private mutating func readOptional(into config: inout BotConfig) {
        if let text = string("language") {
            if let language = Language(rawValue: text.lowercased()) { config.language = language } else { problem("language", "must be da or en, got \"\(text)\"") }
        }
        if let prefix = string("command_prefix") {
            if prefix.isEmpty || prefix.contains(where: \.isWhitespace) { problem("command_prefix", "must be non-empty and without spaces") } else { config.commandPrefix = prefix }
        }
        if let room = string("supervisor_room") {
            if room.hasPrefix("#") || room.hasPrefix("!") { config.supervisorRoom = room } else { problem("supervisor_room", "must be a room alias (#…) or room id (!…)") }
        }
        if let size = integer("group_size", in: 2...12) { config.groupSize = size }
        if let every = integer("evaluation_every", in: 0...100) { config.evaluationEvery = every }
        if let days = integer("retention_days", in: 1...36500) { config.retentionDays = days }
        if let value = duration("goal_lead_time") { config.goalLeadTime = value }
        if let value = duration("session_reminder") { config.sessionReminder = value }
        if let value = duration("wrap_up_before_end") { config.wrapUpBeforeEnd = value }
        if let value = duration("reflection_deadline") { config.reflectionDeadline = value }
        if let value = duration("evaluation_deadline") { config.evaluationDeadline = value }
        if let value = duration("join_grace") { config.joinGrace = value }
        if let value = duration("undecryptable_after") { config.undecryptableAfter = value }
        if let value = bool("self_assessment") { config.selfAssessment = value }
        if let value = bool("encrypt_rooms") { config.encryptRooms = value }
        config.pickleKeyFile = pickleKeyFile()
        // Encrypted rooms the bot made but cannot write in would take every answer from them.
        if config.encryptRooms && config.pickleKeyFile == nil && values["pickle_key_file"] == nil {
            problem("encrypt_rooms", "true needs pickle_key_file: the bot must be an encryption device to write in the rooms it makes")
        }
        readReflection(into: &config)
        readPatientGuard(into: &config)
        readAssessment(into: &config)
        if let level = string("log_level") {
            if let parsed = Logger.Level(rawValue: level.lowercased()) { config.logLevel = parsed } else {
                problem("log_level", "must be one of trace, debug, info, notice, warning, error, critical")
            }
        }
    }

    private mutating func readReflection(into config: inout BotConfig) {
        if let model = string("reflection_model") {
            if ["rolfe", "gibbs", "custom"].contains(model.lowercased()) { config.reflectionModel = model.lowercased() } else {
                problem("reflection_model", "must be rolfe, gibbs or custom, got \"\(model)\"")
            }
        }
        if let node = values["reflection_questions"] {
            let questions = node.sequence?.compactMap(\.string).filter { !$0.isEmpty } ?? []
            if questions.isEmpty { problem("reflection_questions", "must be a list of questions") } else { config.reflectionQuestions = questions }
        }
        if config.reflectionModel == "custom" && config.reflectionQuestions.isEmpty {
            problem("reflection_questions", "is required when reflection_model is custom")
        }
    }

    /// `min_anonymous_comments` and `overview_at`.
    private mutating func readAssessment(into config: inout BotConfig) {
        if let minimum = integer("min_anonymous_comments", in: 1...20) { config.minAnonymousComments = minimum }
        if let text = string("overview_at") {
            if text.lowercased() == "off" {
                config.overviewAt = nil
            } else if let weekly = WeeklyTime.parse(text) {
                config.overviewAt = weekly
            } else {
                problem("overview_at", "must be a weekday and a time such as \"mon 08:00\", or off; got \"\(text)\"")
            }
        }
    }

    mutating func problem(_ key: String, _ message: String) {
        problems.append(ConfigProblem(key: key, message: message))
    }
}
