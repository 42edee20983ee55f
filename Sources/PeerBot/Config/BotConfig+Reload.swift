extension BotConfig {
    /// The configuration after a reload: everything from `new` except what only a restart can
    /// change (homeserver, account, token, database), which stays as it is and is named.
    public func reloaded(with new: BotConfig) -> (config: BotConfig, needRestart: [String]) {
        var merged = new
        var needRestart: [String] = []
        if new.homeserver != homeserver { needRestart.append("homeserver") }
        if new.userID != userID { needRestart.append("user_id") }
        if new.accessToken != accessToken { needRestart.append("access_token_file") }
        if new.databasePath != databasePath { needRestart.append("database") }
        if new.supervisorRoom != supervisorRoom { needRestart.append("supervisor_room") }
        merged.homeserver = homeserver
        merged.userID = userID
        merged.accessToken = accessToken
        merged.databasePath = databasePath
        merged.supervisorRoom = supervisorRoom
        return (merged, needRestart)
    }
}
