import GRDB

/// One named value the bot keeps between runs.
struct SettingRecord: Codable, FetchableRecord, PersistableRecord, StoredDates {
    static let databaseTableName = "setting"

    var key: String
    var value: String
}
