import Foundation

/// `peerbot-bench`: measures ingest throughput, reply latency and memory of the bot.
@main
enum BenchMain {
    static let usage = """
        usage:
          peerbot-bench ingest [--input PATH] [--runs N] [--with-logs] [--json]
                               [--nio-python PATH [--nio-script PATH] [--nio-runs N]] [--plain-only | --encrypted-only]
          peerbot-bench latency --homeserver URL --bot USER_ID --student USER:PASS --peer USER:PASS
                                --supervisor USER:PASS [--rounds N] [--warmup N] [--pause SECONDS] [--encrypted] [--json]
          peerbot-bench rss --pid PID [--order PATH] [--json]
          peerbot-bench startup --bot PATH --config PATH --password-file PATH [--runs N] [--plain] [--json]
          peerbot-bench formation [--students N] [--runs N] [--json]
          peerbot-bench scale --homeserver URL --peerbot PATH --admin USER:PASS [--students N] [--group-size N] [--homeserver-pid PID]
                              [--idle-seconds N] [--json]
        USER is a localpart (student) or a full id (@student:localhost); PASS is everything after it.
        """

    static func main() async {
        var arguments = Arguments(Array(CommandLine.arguments.dropFirst()))
        do {
            guard let subcommand = arguments.next() else { throw BenchError.usage("no subcommand given") }
            switch subcommand {
            case "ingest": try await IngestBench(arguments: &arguments).run()
            case "latency": try await LatencyBench(arguments: &arguments).run()
            case "rss": try RSSBench(arguments: &arguments).run()
            case "startup": try await StartupBench(arguments: &arguments).run()
            case "formation": try FormationBench(arguments: &arguments).run()
            case "scale": try await ScaleBench(arguments: &arguments).run()
            case "-h", "--help", "help": print(usage)
            default: throw BenchError.usage("unknown subcommand '\(subcommand)'")
            }
        } catch let error as BenchError {
            printError("peerbot-bench: \(error)")
            if case .usage = error { printError(usage) }
            exit(error.exitCode)
        } catch {
            printError("peerbot-bench: \(error)")
            exit(1)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
