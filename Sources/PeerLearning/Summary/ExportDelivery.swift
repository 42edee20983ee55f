import Foundation

/// One step of `!export`.
public enum ExportDeliveryEffect: Sendable, Equatable {
    /// Upload the file to the supervisor room.
    case postToSupervisorRoom(BotFile)
}

/// The decision for `!export [group]`: the CSV files go to the supervisor room, one message each.
public struct ExportDelivery: Sendable, Equatable {
    public var effects: [ExportDeliveryEffect]
    public var reply: BotMessage

    /// The export as files: each CSV file's name and bytes, and how many reflections it holds.
    public struct Export: Sendable, Equatable {
        public var files: [CSVFile]
        public var reflections: Int

        public init(files: [CSVFile], reflections: Int) {
            self.files = files
            self.reflections = reflections
        }
    }

    /// One CSV file of the export.
    public struct CSVFile: Sendable, Equatable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    public init(effects: [ExportDeliveryEffect], reply: BotMessage) {
        self.effects = effects
        self.reply = reply
    }

    /// `export` is nil when the group asked for (`group`) is not found; `hasSupervisorRoom`
    /// false when the supervisor room is not made yet.
    public static func decide(_ export: Export?, group: String?, hasSupervisorRoom: Bool, say: Texts) -> ExportDelivery {
        guard let export else { return ExportDelivery(effects: [], reply: say.groups.groupNotFound(group ?? "")) }
        guard hasSupervisorRoom else { return ExportDelivery(effects: [], reply: say.sessions.noGroupHere()) }
        let effects = export.files.map { file in
            ExportDeliveryEffect.postToSupervisorRoom(
                BotFile(filename: file.name, mimetype: "text/csv", bytes: file.data, message: say.summary.exportFile(name: file.name)))
        }
        return ExportDelivery(effects: effects, reply: say.summary.exportQueued(files: export.files.map(\.name), reflections: export.reflections))
    }
}
