import Foundation

extension ConfigReader {
    /// The key file's byte count: pickles are sealed with AES-256.
    static let pickleKeyLength = 32

    /// `pickle_key_file`, resolved and checked: it exists, is readable, is private (no group or
    /// other permission bits) unless systemd handed it over as a credential, and holds exactly
    /// 32 bytes. Each fault is its own problem line.
    mutating func pickleKeyFile() -> String? {
        guard let raw = string(.pickleKeyFile) else { return nil }
        guard !raw.isEmpty else {
            problem(.pickleKeyFile, "must not be empty")
            return nil
        }
        guard let expanded = expandCredentialsDirectory(raw) else { return nil }
        let path = expanded.hasPrefix("/") ? expanded : (baseDirectory as NSString).appendingPathComponent(expanded)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: path) else {
            problem(.pickleKeyFile, "cannot read \(path) (create it with: head -c 32 /dev/urandom > \(path); chmod 600 \(path))")
            return nil
        }
        var good = true
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 && !isCredential(path) {
            problem(.pickleKeyFile, "\(path) has mode \(String(mode, radix: 8)); it must be readable by its owner alone (chmod 600)")
            good = false
        }
        if data.count != Self.pickleKeyLength {
            problem(.pickleKeyFile, "\(path) holds \(data.count) bytes; it must hold exactly \(Self.pickleKeyLength) random bytes")
            good = false
        }
        return good ? path : nil
    }

    /// Replaces `${CREDENTIALS_DIRECTORY}` / `$CREDENTIALS_DIRECTORY` with systemd's credential folder.
    private mutating func expandCredentialsDirectory(_ path: String) -> String? {
        let names = ["${CREDENTIALS_DIRECTORY}", "$CREDENTIALS_DIRECTORY"]
        guard names.contains(where: path.contains) else { return path }
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
            problem(.pickleKeyFile, "names $CREDENTIALS_DIRECTORY, which is not set (set LoadCredential=pickle_key:… in the unit)")
            return nil
        }
        return names.reduce(path) { $0.replacingOccurrences(of: $1, with: directory) }
    }

    /// True when `path` lies in systemd's credential folder, whose files systemd makes read-only
    /// for the service alone.
    private func isCredential(_ path: String) -> Bool {
        guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else { return false }
        let folder = directory.hasSuffix("/") ? directory : directory + "/"
        return (path as NSString).standardizingPath.hasPrefix(folder)
    }
}
