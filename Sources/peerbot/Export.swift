import ArgumentParser
import Foundation
import PeerBot
import PeerBotStore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write reflections, participation, tasks, peer-assessment results and feedback from the database, offline.",
        discussion: "JSON goes to standard output. CSV is five files (reflections.csv, participation.csv, tasks.csv, assessments.csv, feedback.csv): written to --output (files 0600, in a folder created 0700), or printed one after another, each after a line '# NAME'."
    )

    enum Format: String, ExpressibleByArgument { case csv, json }

    @Option(name: .long, help: "The configuration file (for the database path).")
    var config: String?

    @Option(name: .long, help: "Only this group (A, B, …).")
    var group: String?

    @Option(name: .long, help: "csv or json.")
    var format: Format

    @Option(name: .long, help: "A folder for the CSV files.")
    var output: String?

    func run() async throws {
        let settings = try loadConfig(config)
        let (lock, database) = try openLockedDatabase(settings)
        defer { withExtendedLifetime(lock) {} }
        let chosen = group
        guard let document = try database.read({ try ExportBuilder(reader: $0).document(group: chosen) }) else {
            printError("there is no group called \(group ?? "")")
            throw ExitCode.failure
        }
        switch format {
        case .json:
            FileHandle.standardOutput.write(try document.json())
            print()
        case .csv:
            let files = try CSVText.files(document)
            if let output {
                do {
                    try ExportFiles.write(files, to: output)
                } catch let failure as ExportFiles.Failure {
                    printError("cannot write the export privately: \(failure)")
                    throw ExitCode.failure
                }
            } else {
                for file in files {
                    print("# \(file.name)")
                    FileHandle.standardOutput.write(file.data)
                }
            }
        }
    }
}
