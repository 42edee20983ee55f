import GRDB

extension SettingsReader {
    /// The stored value for `key`, or nil if none.
    public func value(_ key: String) throws -> String? {
        try SettingRecord.fetchOne(db, key: key)?.value
    }
}

extension SettingsWriter {
    /// Stores `value` under `key`; nil removes the key.
    public func set(_ key: String, _ value: String?) throws {
        if let value {
            try SettingRecord(key: key, value: value).save(db)
        } else {
            try SettingRecord.deleteOne(db, key: key)
        }
    }
}
