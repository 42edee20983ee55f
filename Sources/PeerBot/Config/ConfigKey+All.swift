extension ConfigKey {
    /// Every key, in the order of the example file and the key table.
    public static let all: [ConfigKey] = [
        homeserver, userID, accessTokenFile, supervisors,
        database, language, timezone, commandPrefix, supervisorRoom, groupSize,
        goalLeadTime, sessionReminder, wrapUpBeforeEnd,
        reflectionModel, reflectionQuestions, reflectionDeadline,
        evaluationEvery, evaluationDeadline, selfAssessment, minAnonymousComments, overviewAt,
        joinGrace, encryptRooms, pickleKeyFile, undecryptableAfter, retentionDays, logLevel,
        patientGuard, patientGuardPatterns,
    ]

    /// The declaration of the key called `name`, if there is one.
    public static func named(_ name: String) -> ConfigKey? {
        byName[name]
    }

    private static let byName: [String: ConfigKey] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
