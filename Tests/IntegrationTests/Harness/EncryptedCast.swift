import Foundation

/// A supervisor and students on encrypted clients, and a bot holding a pickle key, started:
/// how every test of the bot in encrypted rooms begins.
struct EncryptedCast: Sendable {
    let supervisor: EncryptedTestUser
    let students: [EncryptedTestUser]
    let bot: BotProcess

    /// The first student, for the tests that need only one.
    var student: EncryptedTestUser { students[0] }

    /// Registers the supervisor and one client per student prefix (side by side), writes the
    /// bot's config with `pickle_key_file` and `extra`, and starts it.
    static func begin(
        on server: Homeserver, students prefixes: [String] = ["student"],
        extra: [String: String] = [:], label: String
    ) async throws -> EncryptedCast {
        let people = try await withThrowingTaskGroup(of: (Int, EncryptedTestUser).self) { group in
            for (index, prefix) in (["supervisor"] + prefixes).enumerated() {
                group.addTask { (index, try await EncryptedTestUser.register(on: server, prefix: prefix)) }
            }
            var registered: [(Int, EncryptedTestUser)] = []
            for try await person in group { registered.append(person) }
            return registered.sorted { $0.0 < $1.0 }.map(\.1)
        }
        do {
            var config = extra
            config["pickle_key_file"] = "pickle_key"
            let bot = try await BotProcess.prepare(
                on: server, supervisors: [people[0].userID], extra: config, label: label)
            let cast = EncryptedCast(supervisor: people[0], students: Array(people.dropFirst()), bot: bot)
            do {
                try BotEngineTests.DeviceIdentity.writePickleKey(for: bot)
                try bot.start()
            } catch {
                cast.stop()
                throw error
            }
            return cast
        } catch {
            for person in people { await person.stop() }
            throw error
        }
    }

    /// Kills the bot and closes every client; for a test's `defer`.
    func stop() {
        bot.kill9()
        let people = [supervisor] + students
        Task { for person in people { await person.stop() } }
    }
}
