import Foundation
import Logging
import PeerLearning

/// A secret that never shows itself in logs or descriptions.
public struct Secret: Sendable, Equatable, CustomStringConvertible {
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<redacted>" }
}

/// The deployment's settings, as read from the YAML file (SPEC: Configuration). Each default is
/// the one its key declares (`ConfigKey`).
public struct BotConfig: Sendable {
    public var homeserver: String
    public var userID: String
    public var accessToken: Secret
    public var supervisors: [String]
    public var databasePath: String
    public var language = ConfigKey.language.parsedDefault(Language.init(rawValue:))
    public var timeZone: ZoneRules
    public var commandPrefix = ConfigKey.commandPrefix.parsedDefault { $0 }
    public var supervisorRoom: String?
    public var groupSize = ConfigKey.groupSize.parsedDefault(ConfigKey.groupSize.parseInteger)
    public var goalLeadTime = ConfigKey.goalLeadTime.parsedDefault(ConfigKey.parseDuration)
    /// The short reminder to the group this long before a session starts; 0 sends none.
    public var sessionReminder = ConfigKey.sessionReminder.parsedDefault(ConfigKey.parseDuration)
    public var wrapUpBeforeEnd = ConfigKey.wrapUpBeforeEnd.parsedDefault(ConfigKey.parseDuration)
    public var reflectionModel = ConfigKey.reflectionModel.parsedDefault(ConfigKey.reflectionModel.parseChoice)
    public var reflectionQuestions: [String] = []
    public var reflectionDeadline = ConfigKey.reflectionDeadline.parsedDefault(ConfigKey.parseDuration)
    public var evaluationEvery = ConfigKey.evaluationEvery.parsedDefault(ConfigKey.evaluationEvery.parseInteger)
    public var evaluationDeadline = ConfigKey.evaluationDeadline.parsedDefault(ConfigKey.parseDuration)
    public var selfAssessment = ConfigKey.selfAssessment.parsedDefault(ConfigKey.parseBool)
    public var joinGrace = ConfigKey.joinGrace.parsedDefault(ConfigKey.parseDuration)
    public var encryptRooms = ConfigKey.encryptRooms.parsedDefault(ConfigKey.parseBool)
    /// The 32-byte key file that seals the bot's end-to-end encryption keys; nil: no encryption.
    public var pickleKeyFile: String?
    /// How long an encrypted message whose room key has not arrived waits before its sender is
    /// told the bot could not read it.
    public var undecryptableAfter = ConfigKey.undecryptableAfter.parsedDefault(ConfigKey.parseDuration)
    public var retentionDays: Int?
    public var logLevel = ConfigKey.logLevel.parsedDefault(Logger.Level.init(rawValue:))
    /// What happens to a student text with a patient identifier (SPEC: Patient confidentiality).
    public var patientGuard = ConfigKey.patientGuard.parsedDefault(PatientGuardMode.init(rawValue:))
    /// The administrator's extra identifier patterns, each one already checked to compile.
    public var patientGuardPatterns: [String] = []
    /// How many peers must have commented on a student before `!release` shows them the comments.
    public var minAnonymousComments = ConfigKey.minAnonymousComments.parsedDefault(ConfigKey.minAnonymousComments.parseInteger)
    /// When the weekly overview goes to the supervisor room; nil (`off`) for never.
    public var overviewAt: WeeklyTime? = ConfigKey.overviewAt.parsedDefault(WeeklyTime.parse)

    public init(homeserver: String, userID: String, accessToken: Secret, supervisors: [String], databasePath: String, timeZone: ZoneRules) {
        self.homeserver = homeserver
        self.userID = userID
        self.accessToken = accessToken
        self.supervisors = supervisors
        self.databasePath = databasePath
        self.timeZone = timeZone
    }

    public func isSupervisor(_ userID: String) -> Bool {
        supervisors.contains(userID)
    }
}

/// One thing wrong with the configuration, named by its key.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let message: String
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
    public var description: String { "\(key): \(message)" }
}

/// Every problem found in a configuration file; the daemon exits 78 with these.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problems: [ConfigProblem]
    public var description: String {
        (["configuration \(file) has \(problems.count) problem(s):"] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}

extension BotConfig {
    /// What the bot says in `language`, naming commands with the prefix it answers to: the one
    /// way the runtime and the jobs make texts, so none tells people to type a `!command` the
    /// bot would not answer under another `command_prefix`.
    public func texts(_ language: Language) -> Texts {
        Texts(language, prefix: commandPrefix)
    }
}
