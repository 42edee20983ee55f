import GRDB

extension StoreReader {
    /// The stored value for `key`, or nil if none.
    public func setting(_ key: String) throws -> String? {
        try SettingRecord.fetchOne(db, key: key)?.value
    }
}

extension StoreWriter {
    /// Stores `value` under `key`; nil removes the key.
    public func setSetting(_ key: String, _ value: String?) throws {
        if let value {
            try SettingRecord(key: key, value: value).save(db)
        } else {
            try SettingRecord.deleteOne(db, key: key)
        }
    }
}
