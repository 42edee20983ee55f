import Foundation
import Testing
@testable import PeerBot

@Suite struct PickleKeyConfig {
    private static let base = """
        homeserver: https://matrix.example.org
        user_id: "@peerbot:example.org"
        supervisors: ["@sup:example.org"]

        """

    private func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func keyFile(in dir: URL, name: String = "pickle_key", bytes: Int = 32, mode: Int = 0o600) throws -> String {
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data((0..<bytes).map { UInt8($0 & 0xff) })))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    private func problems(_ line: String, environment: [String: String] = [:]) -> [ConfigProblem] {
        let loader = ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_x"].merging(environment) { $1 })
        do {
            _ = try loader.parse(Self.base + line, file: "/nowhere/peerbot.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test func aPrivate32ByteFileIsAcceptedAndLeftOutMeansNoEncryption() throws {
        let dir = try folder()
        let path = try keyFile(in: dir)
        let loader = ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_x"])
        let config = try loader.parse(Self.base + "pickle_key_file: \(path)\nencrypt_rooms: true\n", file: "/x/peerbot.yaml")
        #expect(config.pickleKeyFile == path)
        #expect(config.encryptRooms)
        #expect(try loader.parse(Self.base, file: "/x/peerbot.yaml").pickleKeyFile == nil)
    }

    @Test func aMissingFileIsOneProblemNamingTheKey() {
        let found = problems("pickle_key_file: /nonexistent/pickle_key\n")
        #expect(found.map(\.key) == ["pickle_key_file"])
        #expect(found.first?.message.contains("cannot read /nonexistent/pickle_key") == true)
    }

    @Test func aFolderIsNotAKeyFile() throws {
        let dir = try folder()
        #expect(problems("pickle_key_file: \(dir.path)\n").map(\.key) == ["pickle_key_file"])
    }

    @Test func aWrongModeAndAWrongSizeAreTwoProblems() throws {
        let dir = try folder()
        let path = try keyFile(in: dir, bytes: 31, mode: 0o644)
        let found = problems("pickle_key_file: \(path)\n")
        #expect(found.map(\.key) == ["pickle_key_file", "pickle_key_file"])
        #expect(found.contains { $0.message.contains("mode 644") && $0.message.contains("chmod 600") })
        #expect(found.contains { $0.message.contains("holds 31 bytes") && $0.message.contains("exactly 32") })
    }

    @Test func tooLongIsRefusedToo() throws {
        let dir = try folder()
        let path = try keyFile(in: dir, bytes: 33)
        #expect(problems("pickle_key_file: \(path)\n").map(\.message).first?.contains("holds 33 bytes") == true)
    }

    @Test func aCredentialMayHaveAnyModeAndThePathExpands() throws {
        let dir = try folder()
        let path = try keyFile(in: dir, mode: 0o440)
        let env = ["PEERBOT_ACCESS_TOKEN": "syt_x", "CREDENTIALS_DIRECTORY": dir.path]
        let config = try ConfigLoader(environment: env)
            .parse(Self.base + "pickle_key_file: ${CREDENTIALS_DIRECTORY}/pickle_key\n", file: "/x/peerbot.yaml")
        #expect(config.pickleKeyFile == path)
        // The same loose mode outside the credential folder is refused.
        #expect(problems("pickle_key_file: \(path)\n").map(\.key) == ["pickle_key_file"])
    }

    @Test func theCredentialFolderMustBeSetWhenNamed() {
        let found = problems("pickle_key_file: ${CREDENTIALS_DIRECTORY}/pickle_key\n")
        #expect(found.map(\.key) == ["pickle_key_file"])
        #expect(found.first?.message.contains("CREDENTIALS_DIRECTORY") == true)
    }

    @Test func aRelativePathIsReadFromTheConfigFolder() throws {
        let dir = try folder()
        let path = try keyFile(in: dir, name: "key.bin")
        let config = try ConfigLoader(environment: ["PEERBOT_ACCESS_TOKEN": "syt_x"])
            .parse(Self.base + "pickle_key_file: key.bin\n", file: dir.appendingPathComponent("peerbot.yaml").path)
        #expect(config.pickleKeyFile == path)
    }
}
