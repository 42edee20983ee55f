import Foundation

extension BotProcess {
    /// Creates the bot's account, token file (mode 0600) and config, without starting it.
    /// `extra` adds config keys (values written as YAML strings).
    static func prepare(
        on server: Homeserver, supervisors: [String], language: String? = nil,
        extra: [String: String] = [:], label: String = "bot", binary: URL? = nil
    ) async throws -> BotProcess {
        let account = try await TestUser.register(on: server, prefix: "peerbot")
        let directory = try server.environment.makeWorkDirectory(label: label)
        let bot = BotProcess(
            account: account, accessToken: account.accessToken, directory: directory,
            binary: binary ?? server.environment.botBinary)
        try bot.writeToken()
        try bot.writeConfig(server: server, supervisors: supervisors, language: language, extra: extra)
        return bot
    }

    /// `prepare` and `start` in one step.
    static func launch(
        on server: Homeserver, supervisors: [String], language: String? = nil,
        extra: [String: String] = [:], label: String = "bot", binary: URL? = nil
    ) async throws -> BotProcess {
        let bot = try await prepare(
            on: server, supervisors: supervisors, language: language, extra: extra, label: label, binary: binary)
        try bot.start()
        return bot
    }

    private func writeToken() throws {
        _ = FileManager.default.createFile(
            atPath: tokenURL.path, contents: Data((accessToken + "\n").utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenURL.path)
    }

    private func writeConfig(server: Homeserver, supervisors: [String], language: String?, extra: [String: String]) throws {
        var lines = [
            "# Written by the integration tests.",
            "homeserver: \(Self.quoted(server.baseURL.absoluteString))",
            "user_id: \(Self.quoted(userID))",
            "access_token_file: \(Self.quoted(tokenURL.path))",
            "supervisors:",
        ]
        lines += supervisors.map { "  - \(Self.quoted($0))" }
        lines.append("database: \(Self.quoted(databaseURL.path))")
        if let language { lines.append("language: \(Self.quoted(language))") }
        lines.append("command_prefix: \"!\"")
        lines.append("log_level: debug")
        lines += extra.sorted { $0.key < $1.key }.map { "\($0.key): \(Self.quoted($0.value))" }
        try (lines.joined(separator: "\n") + "\n").write(to: configURL, atomically: true, encoding: .utf8)
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Rewrites the configured supervisor list, as an administrator editing the file would.
    func setSupervisors(_ supervisors: [String]) throws {
        let lines = try String(contentsOf: configURL, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [String] = []
        var inList = false
        for line in lines {
            if line.hasPrefix("supervisors:") {
                inList = true
                kept.append("supervisors:")
                kept += supervisors.map { "  - \"\($0)\"" }
                continue
            }
            if inList && line.hasPrefix("  - ") { continue }
            inList = false
            kept.append(String(line))
        }
        try kept.joined(separator: "\n").write(to: configURL, atomically: true, encoding: .utf8)
    }
}
