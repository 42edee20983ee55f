extension CommandName {
    /// The usage line, e.g. `!session plan [<group>|all] <when> <duration> <title>`.
    public func usage(prefix: String, language: Language) -> String {
        let arguments = argumentPattern(language)
        let call = prefix + displayWord(in: language)
        return arguments.isEmpty ? call : call + " " + arguments
    }

    /// Whether the command takes a `<when>` or `<duration>`, whose formats help explains.
    var takesTime: Bool { self == .sessionPlan || self == .sessionMove }

    private func argumentPattern(_ language: Language) -> String {
        let da = language == .da
        switch self {
        case .help: return da ? "[kommando]" : "[command]"
        case .studentAdd:
            return da ? "@bruger \"Fulde navn\" [nøgle=værdi1,værdi2 …]" : "@user \"Full Name\" [key=value1,value2 …]"
        case .studentRemove, .ready, .notReady: return da ? "@bruger" : "@user"
        case .groupsPlan: return da ? "[størrelse=N] [seed=N]" : "[size=N] [seed=N]"
        case .groupMove: return da ? "@bruger <gruppe>" : "@user <group>"
        case .sessionPlan:
            return da ? "[<gruppe>|alle] <tidspunkt> <varighed> <titel>" : "[<group>|all] <when> <duration> <title>"
        case .sessionGoal, .sessionOutcome: return da ? "[#session] <tekst>" : "[#session] <text>"
        case .sessionActivity:
            return da ? "[#session] diskussion|problem|projekt|case [beskrivelse]"
                : "[#session] discussion|problem|project|case [brief]"
        case .sessionMove: return da ? "[#session] <tidspunkt>" : "[#session] <when>"
        case .sessionCancel: return "[#session]"
        case .sessions: return da ? "[<gruppe>|alle]" : "[<group>|all]"
        case .question, .reflect, .criteria: return da ? "<tekst>" : "<text>"
        case .facilitator: return da ? "[@bruger|mig]" : "[@user|me]"
        case .absent: return da ? "[#session] [@bruger]" : "[#session] [@user]"
        case .taskAdd:
            return da ? "[@bruger|mig|gruppe] <tekst> [frist <dato>]" : "[@user|me|group] <text> [due <date>]"
        case .taskDone: return da ? "<#nr>" : "<#id>"
        case .evaluate, .export, .remind: return da ? "[<gruppe>]" : "[<group>]"
        case .feedback: return da ? "@bruger|<gruppe> <tekst>" : "@user|<group> <text>"
        case .summary: return da ? "[<gruppe>] [#session]" : "[<group>] [#session]"
        case .language: return "da|en"
        case .release: return da ? "[<gruppe>] [runde]" : "[<group>] [round]"
        case .extend: return da ? "@bruger <varighed>" : "@user <duration>"
        case .overview: return da ? "[<gruppe>|alle]" : "[<group>|all]"
        case .status, .students, .groupsCreate, .groups, .understood, .tasks, .mydata: return ""
        }
    }
}
