import Foundation

/// A matrix-nio bot's parse + dispatch + store of the same recorded sync
/// (`scripts/nio_ingest_bench.py`), run beside the ingest runs so both figures share one hour.
struct NioReference: Encodable {
    let medianEventsPerSecond: Double
    let bestEventsPerSecond: Double
    let runs: Int

    enum CodingKeys: String, CodingKey {
        case medianEventsPerSecond = "median_events_per_second", bestEventsPerSecond = "best_events_per_second", runs
    }

    private struct Output: Decodable {
        let medianEventsPerSecond: Double
        let bestEventsPerSecond: Double
        let runs: [Run]
        struct Run: Decodable {}
        enum CodingKeys: String, CodingKey {
            case medianEventsPerSecond = "median_events_per_second", bestEventsPerSecond = "best_events_per_second", runs
        }
    }

    /// Runs `script` with `python` on `input`; throws when it fails or prints something else.
    static func measure(python: String, script: String, input: String, runs: Int) throws -> NioReference {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, input, "--runs", String(runs)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.unexpected("the nio reference (\(script)) exited with status \(process.terminationStatus)")
        }
        guard let parsed = try? JSONDecoder().decode(Output.self, from: data) else {
            throw BenchError.unexpected("the nio reference printed no figures: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        return NioReference(medianEventsPerSecond: parsed.medianEventsPerSecond,
                            bestEventsPerSecond: parsed.bestEventsPerSecond, runs: parsed.runs.count)
    }
}
