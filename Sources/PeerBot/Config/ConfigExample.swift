/// The documentation the key declarations produce: config/peerbot.example.yaml and the key table
/// of docs/admin-guide.md (section 7). `peerbot config-example` prints them; a unit test checks
/// that the files in the repository say the same.
public enum ConfigExample {
    /// The example configuration file, every key with its comment, defaults shown.
    public static func yaml(keys: [ConfigKey] = ConfigKey.all) -> String {
        var lines = [
            "# peerbot configuration. Check it with: peerbot check-config --config /etc/peerbot/peerbot.yaml",
            "# Durations use the forms 24h, 90m, 1h30m, 45s. Unknown keys are refused.",
        ]
        let headings: [(ConfigKey.Section, String)] = [
            (.required, "# --- required " + String(repeating: "-", count: 79)),
            (.optional, "# --- optional (defaults shown) " + String(repeating: "-", count: 61)),
        ]
        for (section, heading) in headings {
            lines += ["", heading]
            for key in keys where key.section == section {
                lines += key.comment.map { "# " + $0 }
                lines += key.example ?? ["\(key.name): \(key.defaultText ?? "")"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown table of every key: its default, whether a reload applies it, and what it means.
    public static func markdownTable(keys: [ConfigKey] = ConfigKey.all) -> String {
        var lines = ["| key | default | on reload | meaning |", "|---|---|---|---|"]
        for key in keys {
            let reload = key.reload == .live ? "applied" : "restart"
            lines.append("| `\(key.name)` | \(key.defaultNote) | \(reload) | \(key.meaning) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
