extension BotConfig {
    /// The configuration after a reload: everything from `new` except what only a restart can
    /// change (homeserver, account, token, database, supervisor room), which stays as it is and is
    /// named. `log_level` and `pickle_key_file`, also declared `.restart`, are read once at start.
    public func reloaded(with new: BotConfig) -> (config: BotConfig, needRestart: [String]) {
        var merged = new
        var needRestart: [String] = []
        if new.homeserver != homeserver { needRestart.append(ConfigKey.homeserver.name) }
        if new.userID != userID { needRestart.append(ConfigKey.userID.name) }
        if new.accessToken != accessToken { needRestart.append(ConfigKey.accessTokenFile.name) }
        if new.databasePath != databasePath { needRestart.append(ConfigKey.database.name) }
        if new.supervisorRoom != supervisorRoom { needRestart.append(ConfigKey.supervisorRoom.name) }
        merged.homeserver = homeserver
        merged.userID = userID
        merged.accessToken = accessToken
        merged.databasePath = databasePath
        merged.supervisorRoom = supervisorRoom
        return (merged, needRestart)
    }
}
