/// The command line after the program name, consumed option by option.
struct Arguments {
    private var words: [String]

    init(_ words: [String]) {
        self.words = words
    }

    /// Takes the first word (the subcommand).
    mutating func next() -> String? {
        words.isEmpty ? nil : words.removeFirst()
    }

    /// Takes `--name VALUE` or `--name=VALUE`; nil when absent.
    mutating func option(_ name: String) throws -> String? {
        let flag = "--" + name
        if let index = words.firstIndex(where: { $0.hasPrefix(flag + "=") }) {
            return String(words.remove(at: index).dropFirst(flag.count + 1))
        }
        guard let index = words.firstIndex(of: flag) else { return nil }
        guard index + 1 < words.count else { throw BenchError.usage("\(flag) needs a value") }
        let value = words[index + 1]
        words.removeSubrange(index...(index + 1))
        return value
    }

    /// Takes an option that must be present.
    mutating func required(_ name: String) throws -> String {
        guard let value = try option(name) else { throw BenchError.usage("--\(name) is required") }
        return value
    }

    /// Takes a positive whole-number option.
    mutating func count(_ name: String, default fallback: Int, minimum: Int = 1) throws -> Int {
        guard let text = try option(name) else { return fallback }
        guard let value = Int(text), value >= minimum else {
            throw BenchError.usage("--\(name) must be a whole number ≥ \(minimum), not '\(text)'")
        }
        return value
    }

    /// Takes `--name`; true when it was given.
    mutating func flag(_ name: String) -> Bool {
        guard let index = words.firstIndex(of: "--" + name) else { return false }
        words.remove(at: index)
        return true
    }

    /// Fails on anything left over, so a mistyped option is never silently ignored.
    func finish() throws {
        if let extra = words.first { throw BenchError.usage("unexpected argument '\(extra)'") }
    }
}
