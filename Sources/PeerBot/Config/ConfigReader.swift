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
            if ConfigKey.named(name) != nil {
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
        let homeserver = requiredString(.homeserver)
        if let homeserver, URL(string: homeserver)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            problem(.homeserver, "must be an http:// or https:// URL, got \"\(homeserver)\"")
        }
        let userID = requiredString(.userID)
        if let userID, !MatrixUserID.isValid(userID) { problem(.userID, "must be a Matrix user id like @peerbot:example.org") }
        let token = accessToken()
        let supervisors = supervisorList()
        let timeZone = zone()
        let database = string(.database) ?? defaultDatabasePath()
        // Optional keys are checked even when a required one is missing, so every problem is reported at once.
        var config = BotConfig(homeserver: homeserver ?? "", userID: userID ?? "", accessToken: token ?? Secret(""),
                               supervisors: supervisors ?? [], databasePath: database, timeZone: timeZone ?? .utc)
        readOptional(into: &config)
        guard homeserver != nil, userID != nil, token != nil, supervisors != nil, timeZone != nil else { return nil }
        return config
    }

    private mutating func readOptional(into config: inout BotConfig) {
        // Every key declared with a field is read by its kind; the rest below have checks of their own.
        for key in ConfigKey.all where values[key.name] != nil { key.field?.store(&self, key, &config) }
        if let prefix = string(.commandPrefix) {
            if prefix.isEmpty || prefix.contains(where: \.isWhitespace) { problem(.commandPrefix, "must be non-empty and without spaces") } else { config.commandPrefix = prefix }
        }
        if let room = string(.supervisorRoom) {
            if room.hasPrefix("#") || room.hasPrefix("!") { config.supervisorRoom = room } else { problem(.supervisorRoom, "must be a room alias (#…) or room id (!…)") }
        }
        config.pickleKeyFile = pickleKeyFile()
        // Encrypted rooms the bot made but cannot write in would take every answer from them.
        if config.encryptRooms && config.pickleKeyFile == nil && values[ConfigKey.pickleKeyFile.name] == nil {
            problem(.encryptRooms, "true needs pickle_key_file: the bot must be an encryption device to write in the rooms it makes")
        }
        readReflection(into: &config)
        readPatientGuard(into: &config)
        readAssessment(into: &config)
    }

    private mutating func readReflection(into config: inout BotConfig) {
        if let node = values[ConfigKey.reflectionQuestions.name] {
            let questions = node.sequence?.compactMap(\.string).filter { !$0.isEmpty } ?? []
            if questions.isEmpty { problem(.reflectionQuestions, "must be a list of questions") } else { config.reflectionQuestions = questions }
        }
        if config.reflectionModel == "custom" && config.reflectionQuestions.isEmpty {
            problem(.reflectionQuestions, "is required when reflection_model is custom")
        }
    }

    /// `min_anonymous_comments` and `overview_at`.
    private mutating func readAssessment(into config: inout BotConfig) {
        if let text = string(.overviewAt) {
            if text.lowercased() == "off" {
                config.overviewAt = nil
            } else if let weekly = WeeklyTime.parse(text) {
                config.overviewAt = weekly
            } else {
                problem(.overviewAt, "must be a weekday and a time such as \"mon 08:00\", or off; got \"\(text)\"")
            }
        }
    }

    mutating func problem(_ key: ConfigKey, _ message: String) {
        problem(key.name, message)
    }

    mutating func problem(_ key: String, _ message: String) {
        problems.append(ConfigProblem(key: key, message: message))
    }
}
