import ArgumentParser
import Foundation
import PeerBot
import PeerLearning

struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "Group formation, offline.", subcommands: [Plan.self])

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose groups for a roster CSV file (header matrix_id,name,…).")

        enum Format: String, ExpressibleByArgument { case text, json }

        @Option(name: .long, help: "The roster CSV file.")
        var roster: String

        @Option(name: .long, help: "Wished group size.")
        var size: Int = 4

        @Option(name: .long, help: "Seed: the same roster and seed give the same groups.")
        var seed: UInt64 = 1

        @Option(name: .long, help: "text or json.")
        var format: Format = .text

        @Option(name: .long, help: "Language of the text output: da or en.")
        var language: String = "da"

        func run() async throws {
            guard size >= 2 else {
                printError("--size must be at least 2")
                throw ExitCode.validationFailure
            }
            guard let data = FileManager.default.contents(atPath: roster) else {
                printError("cannot read \(roster)")
                throw ExitCode.failure
            }
            let students: [Student]
            switch RosterFile.read(data, maximumBytes: 64 << 20) {
            case .unreadable:
                printError("\(roster) is not a UTF-8 CSV file")
                throw ExitCode.failure
            case .checked(let result) where !result.isAcceptable:
                printError(Texts(.en).roster.rosterRejected(problems: result.problems, headerProblem: result.headerProblem).body)
                throw ExitCode.failure
            case .checked(let result):
                students = result.students
            }
            let proposal = GroupFormation.plan(students: students, size: size, seed: seed)
            switch format {
            case .json: print(proposal.json())
            case .text: print(Texts(Language(rawValue: language) ?? .da).groups.groupProposal(proposal, students: students).body)
            }
        }
    }
}
